import {registry} from "@web/core/registry";

// On a phone (390x844): the employee scores an indicator on its card,
// submits the self-assessment and stays on their status with its banner.
registry.category("web_tour.tours").add("ops_appraisal_mobile_self_assessment", {
    steps: () => [
        {
            content: "Indicators are cards on a phone, not a cut-off table",
            trigger: ".o_field_widget[name=ops_line_ids] .o_kanban_record:first",
            run: "click",
        },
        {
            content: "Score the indicator",
            trigger: ".modal .o_field_widget[name=self_score] input",
            run: "edit 85",
        },
        {
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
        {
            content: "On a phone, the form's buttons are in the gear menu",
            trigger: ".o_cp_action_menus .dropdown-toggle",
            run: "click",
        },
        {
            content: "Submit the self-assessment",
            trigger: ".o-dropdown--menu [name=action_ops_submit_self_assessment]",
            run: "click",
        },
        {
            content: "The employee keeps seeing where their appraisal stands",
            trigger: ".alert-info:contains(Self-assessment submitted)",
        },
    ],
});
