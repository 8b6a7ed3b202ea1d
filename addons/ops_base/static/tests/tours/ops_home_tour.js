import {registry} from "@web/core/registry";

// In Simplified Chinese: the Operations app opens on its home (运营驾驶舱);
// a figure opens the records behind it.
registry.category("web_tour.tours").add("ops_home_zh_cn", {
    steps: () => [
        {
            content: "The home's sections speak Chinese",
            trigger: ".o_kanban_group:contains(待我处理)",
        },
        {
            content: "Open the approvals waiting for me",
            trigger: ".o_kanban_record:contains(待我审批)",
            run: "click",
        },
        {
            content: "The approval centre opens with the figure's name",
            trigger: ".o_breadcrumb:contains(待我审批)",
        },
    ],
});
