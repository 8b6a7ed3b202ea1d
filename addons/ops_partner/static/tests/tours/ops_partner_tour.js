/* Contract review (合同评审) in the browser: the salesperson submits a
   quotation, the business, technical and finance reviewers and the general
   manager approve it with a comment, then the salesperson confirms it.
   The records are made by tests/test_tour.py. */
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("ops_partner_review_submit", {
    steps: () => [
        {
            content: "The quotation needs a contract review: submit it",
            trigger: ".o_form_statusbar button[name=request_validation]",
            run: "click",
        },
        {
            content: "The quotation now waits for its reviewers",
            trigger: ".o_form_view .alert-warning:contains(validated)",
        },
    ],
});

registry.category("web_tour.tours").add("ops_partner_review_approve", {
    steps: () => [
        {
            content: "Approve my step of the contract review",
            trigger: ".o_form_view button[name=validate_tier]",
            run: "click",
        },
        {
            content: "Write the review comment",
            trigger: ".modal .o_field_widget[name=comment] input",
            run: "edit Reviewed, no objection",
        },
        {
            content: "Record the decision",
            trigger: ".modal button[name=add_comment]",
            run: "click",
        },
        {
            content: "The decision dialog is closed",
            trigger: "body:not(:has(.modal))",
        },
        {
            content: "My step is decided: nothing left for me to approve",
            trigger: ".o_form_view:not(:has(button[name=validate_tier])) .o_field_widget[name=name]",
        },
        {
            content: "Back to the contract reviews",
            trigger: ".o_breadcrumb .o_back_button a",
            run: "click",
        },
        {
            content: "The list of contract reviews",
            trigger: ".o_list_view",
        },
    ],
});

registry.category("web_tour.tours").add("ops_partner_review_confirm", {
    steps: () => [
        {
            content: "Reviewed and signed off: confirm the order",
            trigger: ".o_form_statusbar button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The quotation is now a sales order",
            trigger: ".o_form_statusbar .o_arrow_button_current:contains(Sales Order)",
        },
    ],
});
