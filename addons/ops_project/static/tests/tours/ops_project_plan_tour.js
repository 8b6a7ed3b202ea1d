import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("ops_project_kickoff_hold", {
    steps: () => [
        {
            trigger: ".o_field_widget[name=name]:contains(Tour plan project)",
        },
        {
            content: "Close the minutes of the kickoff meeting",
            trigger: "button[name=action_hold]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=state] .o_arrow_button_current:contains(Held)",
        },
    ],
});

registry.category("web_tour.tours").add("ops_project_plan_submit", {
    steps: () => [
        {
            trigger: ".o_field_widget[name=name]:contains(Tour plan project)",
        },
        {
            content: "Move the first milestone's deadline",
            trigger: ".o_field_widget[name=line_ids] .o_data_row:first-child td[name=deadline]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=line_ids] .o_data_row:first-child .o_field_widget[name=deadline] input",
            run: "edit 03/02/2031",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
        {
            content: "Submit the plan to sales and purchasing",
            trigger: "button[name=request_validation]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=state] .o_arrow_button_current:contains(Under Confirmation)",
        },
    ],
});

registry.category("web_tour.tours").add("ops_project_plan_confirm", {
    steps: () => [
        {
            trigger: ".o_field_widget[name=name]:contains(Tour plan project)",
        },
        {
            content: "Confirm the plan",
            trigger: "button[name=validate_tier]",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=comment] textarea, .modal .o_field_widget[name=comment] input",
            run: "edit Deadlines agreed.",
        },
        {
            trigger: ".modal button[name=add_comment]",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
        {
            content: "Confirmed: the button is gone for this confirmer",
            trigger: ".o_form_view:not(:has(button[name=validate_tier]))",
        },
    ],
});

registry.category("web_tour.tours").add("ops_project_milestone_check", {
    steps: () => [
        {
            trigger: ".o_field_widget[name=state] .o_arrow_button_current:contains(Baseline)",
        },
        {
            content: "Open the project's milestones",
            trigger: "button[name=action_open_milestones]",
            run: "click",
        },
        {
            trigger: ".o_list_view .o_data_row:first-child td[name=ops_result]",
            run: "click",
        },
        {
            trigger: ".o_data_row:first-child .o_field_widget[name=ops_result] textarea",
            run: "edit Equipment delivered on time.",
        },
        {
            content: "Record the check of the milestone",
            trigger: ".o_data_row:first-child button[name=action_ops_check]",
            run: "click",
        },
        {
            trigger: ".o_data_row:first-child td[name=ops_checked_on]:not(:empty)",
        },
    ],
});
