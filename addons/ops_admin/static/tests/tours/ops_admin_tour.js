import {registry} from "@web/core/registry";

// An employee asks for a trip, their department head approves it, the
// department assistant files the travel expense for them.
registry.category("web_tour.tours").add("ops_admin_travel_request", {
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
            trigger: '.o_menu_sections [data-menu-xmlid="ops_admin.menu_ops_admin_root"]',
            run: "click",
        },
        {
            trigger: '.dropdown-item[data-menu-xmlid="ops_admin.menu_ops_admin_travel"]',
            run: "click",
        },
        {
            trigger: ".o_breadcrumb:contains(Travel Requests)",
        },
        {
            trigger: ".o_control_panel_main_buttons .o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=destination] input",
            run: "edit Tour city",
        },
        {
            trigger: ".o_field_widget[name=purpose] textarea",
            run: "edit Visit the tour customer",
        },
        {
            trigger: ".o_field_widget[name=estimated_cost] input",
            run: "edit 800",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
        {
            content: "Submit the travel request",
            trigger: "button[name=request_validation]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=state] .o_arrow_button_current:contains(Under Review)",
        },
    ],
});

registry.category("web_tour.tours").add("ops_admin_travel_approve", {
    steps: () => [
        {
            trigger: ".o_field_widget[name=destination]:contains(Tour city)",
        },
        {
            content: "The department head approves",
            trigger: "button[name=validate_tier]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=state] .o_arrow_button_current:contains(Approved)",
        },
    ],
});

registry.category("web_tour.tours").add("ops_admin_expense_file", {
    steps: () => [
        {
            trigger: ".o_field_widget[name=employee_id] input",
            run: "edit Tour Traveller",
        },
        {
            trigger: ".ui-autocomplete a:contains(Tour Traveller)",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=product_id] input",
            run: "edit Tour train",
        },
        {
            trigger: ".ui-autocomplete a:contains(Tour train)",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=ops_travel_id] input",
            run: "click",
        },
        {
            trigger: ".ui-autocomplete a:contains(Tour city)",
            run: "click",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
        {
            content: "Put the expense in a report",
            trigger: "button.o_expense_submit",
            run: "click",
        },
        {
            content: "Submit the report for the traveller",
            trigger: "button.o_expense_sheet_submit",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=state] .o_arrow_button_current:contains(Submitted)",
        },
    ],
});
