import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("ops_marketing_campaign_request", {
    url: "/odoo/action-ops_marketing.ops_marketing_campaign_action",
    steps: () => [
        {
            content: "Create a campaign",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Name it",
            trigger: ".o_field_widget[name=name] input",
            run: "edit Tour Launch Campaign",
        },
        {
            content: "Choose the brand",
            trigger: ".o_field_widget[name=brand_id] input",
            run: "edit Tour Brand",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Tour Brand)",
            run: "click",
        },
        {
            content: "Start date",
            trigger: ".o_field_widget[name=date_start] input",
            run: "edit 01/05/2030",
        },
        {
            content: "End date",
            trigger: ".o_field_widget[name=date_end] input",
            run: "edit 01/20/2030",
        },
        {
            content: "Budget",
            trigger: ".o_field_widget[name=budget] input",
            run: "edit 20000",
        },
        {
            content: "Request approval",
            trigger: "button[name=action_request_approval]",
            run: "click",
        },
        {
            content: "The campaign waits for approval",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(Approval)",
        },
    ],
});

registry.category("web_tour.tours").add("ops_marketing_campaign_approve", {
    steps: () => [
        {
            content: "The manager approves the campaign",
            trigger: ".o_form_view button[name=validate_tier]",
            run: "click",
        },
        {
            content: "Approved: it can be launched",
            trigger: ".o_form_view button[name=action_start]",
            run: "click",
        },
        {
            content: "The campaign runs",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(Running)",
        },
    ],
});
