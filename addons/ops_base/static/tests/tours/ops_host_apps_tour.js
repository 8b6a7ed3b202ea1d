/* The suite is a guest: a user without any operations role opens the host
   apps (Project, CRM, Helpdesk) as before it was installed. Any error raised
   while loading a view fails the tour. Records are made by the Python test
   (ops_project/tests/test_host_apps.py). */
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("ops_host_project", {
    url: "/odoo/action-project.open_view_project_all",
    steps: () => [
        {
            content: "The project kanban shows the operations project",
            trigger: ".o_kanban_view .o_kanban_record:contains(Host Ops Project)",
        },
        {
            content: "with no operations data on its card",
            trigger: ".o_kanban_record:contains(Host Ops Project):not(:contains(open high risk))",
        },
        {
            content: "Switch to the list",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "Open the project's form",
            trigger: ".o_data_row:contains(Host Ops Project) .o_data_cell[name=display_name]",
            run: "click",
        },
        {
            content: "The form is open, without the Operations page",
            trigger: ".o_form_view:not(:has(a[name=ops])) .o_field_widget[name=name]",
        },
        {
            content: "Open its tasks",
            trigger: ".o_form_view button[name=action_view_tasks]",
            run: "click",
        },
        {
            content: "Open the task",
            trigger: ".o_kanban_record:contains(Host task)",
            run: "click",
        },
        {
            content: "The task form is open",
            trigger: ".o_form_view .o_last_breadcrumb_item:contains(Host task)",
        },
    ],
});

registry.category("web_tour.tours").add("ops_host_crm", {
    url: "/odoo/action-crm.crm_lead_action_pipeline",
    steps: () => [
        {
            content: "The pipeline shows the lead",
            trigger: ".o_kanban_view .o_kanban_record:contains(Host lead)",
            run: "click",
        },
        {
            content: "The lead's form is open",
            trigger: ".o_form_view .o_last_breadcrumb_item:contains(Host lead)",
        },
    ],
});

registry.category("web_tour.tours").add("ops_host_helpdesk", {
    url: "/odoo/action-helpdesk_mgmt.helpdesk_ticket_action",
    steps: () => [
        {
            content: "The ticket list shows the ticket",
            trigger: ".o_list_view .o_data_row:contains(Host ticket) .o_data_cell",
            run: "click",
        },
        {
            content: "The ticket's form is open",
            trigger: ".o_form_view .o_last_breadcrumb_item:contains(Host ticket)",
        },
        {
            content: "Back to the tickets",
            trigger: ".o_breadcrumb .o_back_button a",
            run: "click",
        },
        {
            content: "Switch to the kanban",
            trigger: ".o_switch_view.o_kanban",
            run: "click",
        },
        {
            content: "The kanban shows the ticket",
            trigger: ".o_kanban_view .o_kanban_record:contains(Host ticket)",
        },
    ],
});
