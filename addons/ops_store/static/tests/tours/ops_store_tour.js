import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("ops_store_submit_replenishment", {
    steps: () => [
        {
            content: "Choose the store",
            trigger: ".o_field_widget[name='ops_store_id'] input",
            run: "edit Tour Store",
        },
        {
            content: "Pick the store in the list",
            trigger: ".o-autocomplete--dropdown-item:contains(Tour Store)",
            run: "click",
        },
        {
            content: "Add a product",
            trigger: ".o_field_widget[name='stock_request_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "The product",
            trigger: ".o_data_row .o_field_widget[name='product_id'] input",
            run: "edit Tour Iced Tea",
        },
        {
            content: "Pick the product",
            trigger: ".o-autocomplete--dropdown-item:contains(Tour Iced Tea)",
            run: "click",
        },
        {
            content: "The quantity",
            trigger: ".o_data_row .o_field_widget[name='product_uom_qty'] input",
            run: "edit 300",
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
            content: "Submit for the merchandising department's review",
            trigger: "button[name='request_validation']",
            run: "click",
        },
        {
            content: "Waiting for the review",
            trigger: "button[name='restart_validation']",
        },
    ],
});

registry.category("web_tour.tours").add("ops_store_review_replenishment", {
    steps: () => [
        {
            content: "Correct the request",
            trigger: ".o_form_statusbar button:contains(Correct)",
            run: "click",
        },
        {
            content: "Edit the corrected quantity",
            trigger: ".modal .o_data_row td[name='new_qty']",
            run: "click",
        },
        {
            content: "40 covers the month",
            trigger: ".modal .o_data_row .o_field_widget[name='new_qty'] input",
            run: "edit 40",
        },
        {
            content: "Write the guidance",
            trigger: ".modal .o_field_widget[name='guidance'] textarea",
            run: "edit 300 is 150 days of cover: 40 covers the month.",
        },
        {
            content: "Apply the correction",
            trigger: ".modal button[name='action_apply']",
            run: "click",
        },
        {
            content: "The correction is recorded",
            trigger: ".o_field_widget[name='stock_request_ids'] .o_data_row td[name='product_uom_qty']:contains(40)",
        },
        {
            content: "Approve",
            trigger: "button[name='validate_tier']",
            run: "click",
        },
        {
            content: "Approved: the transfers are created",
            trigger: "button[name='action_view_transfer']",
        },
    ],
});
