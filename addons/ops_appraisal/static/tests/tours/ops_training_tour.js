import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("ops_appraisal_training_plan", {
    steps: () => [
        {
            content: "Name the training plan",
            trigger: ".o_field_widget[name=name] input",
            run: "edit Tour training plan 2026",
        },
        {
            content: "Add a training",
            trigger: ".o_field_widget[name=line_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Name the session",
            trigger: ".modal .o_field_widget[name=name] input",
            run: "edit Service quality training",
        },
        {
            content: "Choose the course",
            trigger: ".modal .o_field_widget[name=course_id] input",
            run: "edit Tour Course",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(Tour Course)",
            run: "click",
        },
        {
            content: "Start date",
            trigger: ".modal .o_field_widget[name=date_start] input",
            run: "edit 03/02/2026",
        },
        {
            content: "End date",
            trigger: ".modal .o_field_widget[name=date_end] input",
            run: "edit 03/03/2026",
        },
        {
            content: "Budget",
            trigger: ".modal .o_field_widget[name=budget] input",
            run: "edit 800",
        },
        {
            content: "Add the participant",
            trigger: ".modal .o_field_widget[name=employee_ids] input",
            run: "edit Tour Trainee",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(Tour Trainee)",
            run: "click",
        },
        {
            content: "Save the training",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The training is in the plan",
            trigger: ".o_field_widget[name=line_ids] .o_data_row td:contains(Service quality training)",
        },
        {
            content: "Confirm the plan",
            trigger: "button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The plan is confirmed",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Confirmed)",
        },
        {
            content: "Open the training",
            trigger: ".o_field_widget[name=line_ids] .o_data_row td:contains(Service quality training)",
            run: "click",
        },
        {
            content: "Schedule it",
            trigger: ".modal button[name=action_schedule]",
            run: "click",
        },
        {
            content: "Scheduled: the session is shown",
            trigger: ".o_field_widget[name=line_ids] .o_data_row td[name=schedule_id]:contains(Service quality training)",
        },
    ],
});

registry.category("web_tour.tours").add("ops_appraisal_training_attend", {
    steps: () => [
        {
            content: "Open my training",
            trigger: ".o_data_row td:contains(Service quality training)",
            run: "click",
        },
        {
            content: "Confirm my attendance",
            trigger: "button[name=action_ops_confirm_attendance]",
            run: "click",
        },
        {
            content: "Evaluate the training",
            trigger: "button[name=action_ops_evaluate]",
            run: "click",
        },
        {
            content: "Score it: good",
            trigger: ".modal .o_field_widget[name=score] input[data-value='4']",
            run: "click",
        },
        {
            content: "Comment it",
            trigger: ".modal .o_field_widget[name=comment] textarea",
            run: "edit Clear and practical",
        },
        {
            content: "Submit the evaluation",
            trigger: ".modal button[name=action_submit]",
            run: "click",
        },
        {
            content: "The evaluation is recorded",
            trigger: ".o_form_view:not(:has(.modal)) .o_field_widget[name=ops_evaluation_score]:contains(Good)",
        },
    ],
});
