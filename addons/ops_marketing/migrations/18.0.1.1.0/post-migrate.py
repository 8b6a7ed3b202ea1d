# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Customer layers move from res.partner (shared by every company) to one
ops.marketing.customer.layer row per partner and company.

Computed values are not carried over: the next run of the layer cron
recomputes them per company. A manual override applied in every company
before, so it is kept in every company.
"""

from odoo.tools import SQL
from odoo.tools.sql import column_exists

OLD_COLUMNS = (
    "ops_layer_auto",
    "ops_layer_manual",
    "ops_customer_layer",
    "ops_revenue_12m",
    "ops_open_opportunity_count",
    "ops_last_contact_date",
    "ops_churn_risk",
)


def migrate(cr, version):
    if not version or not column_exists(cr, "res_partner", "ops_layer_manual"):
        return
    cr.execute(
        """
        INSERT INTO ops_marketing_customer_layer
               (partner_id, company_id, layer_manual, layer,
                create_uid, write_uid, create_date, write_date)
        SELECT p.id, c.id, p.ops_layer_manual, p.ops_layer_manual,
               1, 1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
          FROM res_partner p
         CROSS JOIN res_company c
         WHERE p.ops_layer_manual IS NOT NULL
        ON CONFLICT (partner_id, company_id) DO NOTHING
        """
    )
    for column in OLD_COLUMNS:
        if column_exists(cr, "res_partner", column):
            cr.execute(
                SQL("ALTER TABLE res_partner DROP COLUMN %s", SQL.identifier(column))
            )
