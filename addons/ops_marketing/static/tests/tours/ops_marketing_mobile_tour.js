import {registry} from "@web/core/registry";

// On a phone (390x844): a running campaign's daily metrics are cards; a new
// day is entered in a dialog and saved on the campaign.
registry.category("web_tour.tours").add("ops_marketing_mobile_metric", {
    steps: () => [
        {
            content: "Open the daily metrics",
            trigger: ".o_notebook a[name=metrics]",
            run: "click",
        },
        {
            content: "Metrics are cards on a phone, not a cut-off table",
            trigger: ".o_field_widget[name=metric_ids] .o_kanban_renderer",
        },
        {
            content: "Add a day",
            trigger: ".o_field_widget[name=metric_ids] .o-kanban-button-new",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=date] input",
            run: "edit 01/05/2030",
        },
        {
            content: "On a phone, a many2one opens a search dialog",
            trigger: ".modal .o_field_widget[name=channel_id] input",
            run: "click",
        },
        {
            trigger: ".modal .o_kanban_record:contains(Official Website)",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=channel_id] input:value(Official Website)",
        },
        {
            trigger: ".modal .o_field_widget[name=impressions] input",
            run: "edit 1000",
        },
        {
            trigger: ".modal .o_field_widget[name=clicks] input",
            run: "edit 50",
        },
        {
            trigger: ".modal .o_field_widget[name=cost] input",
            run: "edit 88",
        },
        {
            content: "Keep the day",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
        {
            content: "Save the campaign",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
    ],
});
