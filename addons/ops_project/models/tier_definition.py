# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

UPGRADE_PARAM = "ops_project.tier_definitions_segregation"
SCOPED_TIERS = (
    "ops_project.tier_proposal_standard",
    "ops_project.tier_launch_manager",
    "ops_project.tier_change_manager",
)
BODY_TIERS = (
    ("ops_project.tier_proposal_investment_gm_office", "gm_office_member_ids"),
    ("ops_project.tier_proposal_investment_board", "board_member_ids"),
)


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    @api.model
    def _ops_project_upgrade_tiers(self):
        """Bring the shipped (noupdate) tiers to the segregation rules once:
        a department's manager-level steps are taken by that department's
        managers; the GM office and the board vote as bodies by majority."""
        params = self.env["ir.config_parameter"].sudo()
        if params.get_param(UPGRADE_PARAM):
            return True
        for xmlid in SCOPED_TIERS:
            tier = self.env.ref(xmlid, raise_if_not_found=False)
            if tier:
                tier.sudo().ops_department_scope = True
        for xmlid, fname in BODY_TIERS:
            tier = self.env.ref(xmlid, raise_if_not_found=False)
            if tier and tier.review_type == "group":
                field = self.env["ir.model.fields"]._get("ops.project.proposal", fname)
                tier.sudo().write(
                    {
                        "review_type": "field",
                        "reviewer_group_id": False,
                        "reviewer_field_id": field.id,
                        "ops_decision_rule": "majority",
                        "has_comment": True,
                    }
                )
        params.set_param(UPGRADE_PARAM, "1")
        return True
