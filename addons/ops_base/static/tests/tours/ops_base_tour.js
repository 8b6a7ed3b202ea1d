import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("ops_base_open_app", {
    url: "/odoo",
    steps: () => [
        {
            content: "Open the apps menu",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "Open the Operations app",
            trigger: '.o_app[data-menu-xmlid="ops_base.menu_ops_root"]',
            run: "click",
        },
        {
            content: "The app is open",
            trigger: ".o_menu_brand:contains(Operations)",
        },
        {
            content: "with its first screen loaded",
            trigger: ".o_control_panel .o_breadcrumb",
        },
    ],
});
