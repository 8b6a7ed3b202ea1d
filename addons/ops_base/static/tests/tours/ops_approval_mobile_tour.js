import {registry} from "@web/core/registry";

// A manager approves two records from the approval centre on a phone:
// two taps each (Approve on the card, Approve in the dialog).
function approveCard(code) {
    return [
        {
            content: `Tap Approve on the card of ${code}`,
            trigger: `.o_kanban_record:contains(${code}) .o_ops_card_approve`,
            run: "click",
        },
        {
            content: "Confirm in the Approve dialog (comment optional)",
            trigger: ".modal .o_ops_confirm_approve",
            run: "click",
        },
        {
            content: `${code} has left the list of records to approve`,
            trigger: `.o_kanban_view:not(:has(.o_kanban_record:contains(${code})))`,
        },
    ];
}

registry.category("web_tour.tours").add("ops_approval_mobile_approve", {
    steps: () => [
        {
            content: "The approval centre opens as cards on a phone",
            trigger: ".o_kanban_view .o_kanban_record:contains(TOUR-A)",
        },
        ...approveCard("TOUR-A"),
        ...approveCard("TOUR-B"),
        {
            content: "Nothing left to approve",
            trigger: ".o_view_nocontent",
        },
    ],
});
