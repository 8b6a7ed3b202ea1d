import {registry} from "@web/core/registry";

// In Simplified Chinese, from the Operations home through the day's work:
// decide an approval, look at the projects, close a ticket, open an
// appraisal. Every step finds its Chinese label, or the tour stops.
const backHome = {
    content: "Back to the home through the breadcrumb",
    trigger: ".o_breadcrumb .breadcrumb-item a:contains(运营驾驶舱)",
    run: "click",
};

function openTile(name) {
    return [
        {
            content: "The home lists the figures in Chinese",
            trigger: ".o_kanban_group:contains(待我处理)",
        },
        {
            content: `Open the figure ${name}`,
            trigger: `.o_kanban_record:contains(${name})`,
            run: "click",
        },
        {
            content: `The breadcrumb names the figure ${name}`,
            trigger: `.o_breadcrumb:contains(${name})`,
        },
    ];
}

function openAsList(group, name) {
    return [
        {
            content: "Switch the figure's chart to its list",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: `The list is grouped as the figure: open the group ${group}`,
            trigger: `.o_group_header:contains(${group})`,
            run: "click",
        },
        {
            content: `Open ${name}`,
            trigger: `.o_data_row:contains(${name}) .o_data_cell`,
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("ops_suite_zh_cn", {
    steps: () => [
        // Approval
        ...openTile("待我审批"),
        {
            content: "The approval centre's columns speak Chinese",
            trigger: ".o_list_view th:contains(状态)",
        },
        {
            content: "Open the record waiting for my approval",
            trigger: ".o_data_row:contains(TOUR-ZH-REG) .o_data_cell",
            run: "click",
        },
        {
            content: "Approve it with the Chinese button",
            trigger: ".o_form_view button[name=validate_tier]:contains(批准)",
            run: "click",
        },
        {
            content: "Once decided, nothing is left to approve",
            trigger: ".o_form_view:not(:has(button[name=validate_tier]))",
        },
        backHome,
        // Project
        ...openTile("各阶段项目"),
        ...openAsList("市场调研与需求分析", "TOUR-ZH-PROJECT"),
        {
            content: "The operations project's form speaks Chinese",
            trigger: ".o_form_view .o_notebook_headers a:contains(运营)",
        },
        {
            content: "Its phase is shown by its Chinese name",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains(市场调研与需求分析)",
        },
        {
            content: "One Change Phase button, not two",
            trigger: ".o_form_view .o_statusbar_buttons:not(:has(button[name=action_ops_change_phase] ~ button[name=action_ops_change_phase]))",
        },
        backHome,
        // Ticket
        ...openTile("我的未结工单"),
        {
            content: "Open the ticket",
            trigger: ".o_data_row:contains(TOUR-ZH-TICKET) .o_data_cell",
            run: "click",
        },
        {
            content: "The ticket's labels speak Chinese",
            trigger: ".o_form_view .o_form_label:contains(团队)",
        },
        {
            content: "Close the ticket in one click",
            trigger: ".o_form_view button[name=action_ops_done]:contains(完成)",
            run: "click",
        },
        {
            content: "The ticket is done",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(完成)",
        },
        backHome,
        // Appraisal
        ...openTile("考核周期进度"),
        ...openAsList("上级评分", "Tour Employee"),
        {
            content: "The appraisal's labels speak Chinese",
            trigger: ".o_form_view .o_form_label:contains(员工)",
        },
    ],
});
