import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("ops_appraisal_self_assessment", {
    steps: () => [
        {
            content: "Open the first indicator's self score",
            trigger: ".o_field_widget[name=ops_line_ids] .o_data_row:first-child td[name=self_score]",
            run: "click",
        },
        {
            content: "Score it",
            trigger: ".o_field_widget[name=ops_line_ids] .o_selected_row td[name=self_score] input",
            run: "edit 80",
        },
        {
            content: "Comment it",
            trigger: ".o_field_widget[name=ops_line_ids] .o_selected_row td[name=self_comment] textarea",
            run: "edit Reached the sales target",
        },
        {
            content: "Submit the self-assessment",
            trigger: "button[name=action_ops_submit_self_assessment]",
            run: "click",
        },
        {
            content: "The employee stays on their appraisal's status, with what comes next",
            trigger: ".alert-info:contains(Self-assessment submitted)",
        },
    ],
});

registry.category("web_tour.tours").add("ops_appraisal_manager_scoring", {
    steps: () => [
        {
            content: "The employee's self score is shown",
            trigger: ".o_field_widget[name=ops_line_ids] .o_data_row:first-child td[name=self_score]:contains(75)",
        },
        {
            content: "Open the first indicator's manager score",
            trigger: ".o_field_widget[name=ops_line_ids] .o_data_row:first-child td[name=manager_score]",
            run: "click",
        },
        {
            content: "Score it",
            trigger: ".o_field_widget[name=ops_line_ids] .o_selected_row td[name=manager_score] input",
            run: "edit 85",
        },
        {
            content: "Submit for approval",
            trigger: "button[name=action_ops_submit_approval]",
            run: "click",
        },
        {
            // Submitted: the button is gone (the test then checks that HR,
            // not the head who submitted, is asked to approve).
            content: "The appraisal is submitted for approval",
            trigger: ".o_form_statusbar:not(:has(button[name=action_ops_submit_approval]))",
        },
    ],
});
