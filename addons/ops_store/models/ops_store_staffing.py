# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools

# The 7 posts of a store (门店岗位), shipped as hr.job data.
STORE_POSTS = (
    "job_store_manager",
    "job_front_supervisor",
    "job_kitchen_supervisor",
    "job_dispatcher",
    "job_cashier",
    "job_waiter",
    "job_delivery",
)


class OpsStoreStaffing(models.Model):
    """Each store's 7 posts with the employees of the store's department
    holding them: an empty post is vacant."""

    _name = "ops.store.staffing"
    _description = "Store Staffing"
    _auto = False
    _order = "store_id, sequence"

    store_id = fields.Many2one("ops.store", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    job_id = fields.Many2one("hr.job", string="Post", readonly=True)
    sequence = fields.Integer(readonly=True)
    employee_count = fields.Integer(string="Employees", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE VIEW {self._table} AS (
                SELECT row_number() OVER (ORDER BY s.id, d.id) AS id,
                       s.id AS store_id,
                       s.company_id AS company_id,
                       d.res_id AS job_id,
                       d.id AS sequence,
                       (SELECT count(*) FROM hr_employee e
                         WHERE e.active AND e.job_id = d.res_id
                           AND e.department_id = s.department_id) AS employee_count
                  FROM ops_store s
                  JOIN ir_model_data d
                    ON d.module = 'ops_store' AND d.model = 'hr.job'
                   AND d.name IN %s
            )""",
            (STORE_POSTS,),
        )
