import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("ops_service_complaint", {
    steps: () => [
        {
            content: "The complaint is open in its form",
            trigger: ".o_breadcrumb:contains(Wrong size delivered)",
        },
        {
            content: "Open the complaint handling tab",
            trigger: ".o_notebook_headers a:contains(Complaint Handling)",
            run: "click",
        },
        {
            content: "Choose the cause category",
            trigger: ".o_field_widget[name='complaint_cause'] select",
            run: "selectByLabel Delivery / Logistics",
        },
        {
            content: "Write the root cause",
            trigger: ".o_field_widget[name='root_cause'] textarea",
            run: "edit The warehouse picked the wrong size.",
        },
        {
            content: "Write the solution",
            trigger: ".o_field_widget[name='solution'] textarea",
            run: "edit Exchange shipped by express, free of charge.",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_saved",
        },
        {
            content: "Close the complaint in one click",
            trigger: ".o_form_view button[name=action_ops_done]",
            run: "click",
        },
        {
            content: "The complaint is closed",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Done)",
        },
        {
            content: "Open the satisfaction tab",
            trigger: ".o_notebook_headers a:contains(Satisfaction)",
            run: "click",
        },
        {
            content: "Record the revisit outcome",
            trigger: ".o_field_widget[name='revisit_outcome'] select",
            run: `select "satisfied"`,
        },
        {
            content: "Save the revisit",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Revisit recorded",
            trigger: ".o_form_saved",
        },
    ],
});

registry.category("web_tour.tours").add("ops_service_portal_ticket", {
    steps: () => [
        {
            content: "Choose the kind",
            trigger: "select[name='category']",
            run: "selectByLabel Fault",
        },
        {
            content: "Write the subject",
            trigger: "input[name='subject']",
            run: "edit The app crashes at login",
        },
        {
            content: "Describe the problem",
            trigger: "textarea[name='description']",
            run: "edit Since this morning the app closes when I log in.",
        },
        {
            content: "Submit",
            trigger: "button[type='submit']",
            run: "click",
        },
        {
            content: "The ticket page shows the new ticket",
            trigger: "body:contains(The app crashes at login)",
        },
    ],
});
