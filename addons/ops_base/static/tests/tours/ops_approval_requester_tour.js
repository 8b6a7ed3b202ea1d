import {registry} from "@web/core/registry";

// A requester urges the reviewer of a regulation, then withdraws it.
registry.category("web_tour.tours").add("ops_approval_urge_withdraw", {
    steps: () => [
        {
            content: "The approval panel says who the request waits for",
            trigger: ".o_ops_approval_panel:contains(Waiting for)",
        },
        {
            content: "Urge the reviewer",
            trigger: ".o_ops_approval_panel button.o_ops_urge",
            run: "click",
        },
        {
            content: "The urge is logged in the chatter",
            trigger: ".o-mail-Message:contains(urged the approval)",
        },
        {
            content: "Withdraw the request",
            trigger: ".o_ops_approval_panel button.o_ops_withdraw",
            run: "click",
        },
        {
            content: "Confirm the withdrawal",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The withdrawal is logged and the record can be submitted again",
            trigger: ".o-mail-Message:contains(withdrew the approval request)",
        },
        {
            content: "Request Approval is offered again",
            trigger: ".o_form_statusbar button[name=request_validation]",
        },
    ],
});
