import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("ops_project_proposal_submit", {
    url: "/odoo",
    steps: () => [
        {
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            trigger: '.o_app[data-menu-xmlid="ops_base.menu_ops_root"]',
            run: "click",
        },
        {
            trigger: '.o_menu_sections [data-menu-xmlid="ops_project.menu_ops_projects_root"]',
            run: "click",
        },
        {
            trigger: '.dropdown-item[data-menu-xmlid="ops_project.menu_ops_proposal"]',
            run: "click",
        },
        {
            trigger: ".o_breadcrumb:contains(Initiation Proposals)",
        },
        {
            trigger: ".o_control_panel_main_buttons .o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=name] input",
            run: "edit Tour parking app",
        },
        {
            trigger: ".o_field_widget[name=contract_amount] input",
            run: "edit 120000",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
        {
            content: "Submit the proposal",
            trigger: "button[name=request_validation]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=state] .o_arrow_button_current:contains(Under Review)",
        },
    ],
});

registry.category("web_tour.tours").add("ops_project_proposal_approve", {
    steps: () => [
        {
            trigger: ".o_field_widget[name=name]:contains(Tour parking app)",
        },
        {
            content: "Approve with the button",
            trigger: "button[name=validate_tier]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=state] .o_arrow_button_current:contains(Approved)",
        },
    ],
});
