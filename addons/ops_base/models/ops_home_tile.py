# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression
from odoo.osv.expression import normalize_domain
from odoo.tools.safe_eval import safe_eval


class OpsHomeTile(models.Model):
    """One figure of the Operations home (运营驾驶舱).

    The home is a kanban of these tiles: each one counts (or sums, or gives
    the share of) the records of a model matching a domain, as the current
    user may read them (record rules apply), and opens those records when
    clicked. Tiles are data: every addon of the suite ships its own, a tile
    whose model is not installed is simply not shown, so the home needs no
    code in the addons it summarises and no JavaScript of its own.
    """

    _name = "ops.home.tile"
    _description = "Operations Home Figure"
    _order = "section, sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    section = fields.Selection(
        selection=[
            ("mine", "Waiting for Me"),
            ("month", "This Month"),
        ],
        required=True,
        default="mine",
    )
    group_ids = fields.Many2many(
        "res.groups",
        string="Shown To",
        help="Only members of these groups see the figure; empty: everyone "
        "with an operations role.",
    )
    model_name = fields.Char(string="Model", required=True)
    domain = fields.Char(
        default="[]",
        required=True,
        help="Evaluated with uid, today, month_start and month_end.",
    )
    ratio_domain = fields.Char(
        help="When set, the figure is the share (%) of the records matching "
        "the domain that also match this one.",
    )
    value_field = fields.Char(
        help="When set, the figure is the sum (or average) of this field "
        "instead of a count."
    )
    value_aggregator = fields.Selection(
        selection=[("sum", "Sum"), ("avg", "Average")], default="sum"
    )
    action_xmlid = fields.Char(
        string="Action",
        help="Window action opening the records; its views are used, the "
        "tile's domain is added.",
    )
    view_mode = fields.Char(
        help="Views to open, first one shown: e.g. 'graph,pivot,list'."
    )
    context = fields.Char(default="{}", help="e.g. {'group_by': 'state'}")
    alert = fields.Boolean(
        help="The figure is a problem when it is not zero (shown in red)."
    )
    value = fields.Float(compute="_compute_value", digits=(16, 1))
    value_display = fields.Char(compute="_compute_value")
    available = fields.Boolean(compute="_compute_available", search="_search_available")

    @api.depends_context("uid")
    def _compute_available(self):
        groups = self.env.user.groups_id
        for tile in self:
            tile.available = tile.model_name in self.env and (
                not tile.group_ids or bool(tile.group_ids & groups)
            )

    @api.model
    def _search_available(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on availability."))
        # Shown: the model is installed and the user is in one of the tile's
        # groups (or it has none).
        installed = list(self.env.registry.models)
        shown = [
            ("model_name", "in", installed),
            "|",
            ("group_ids", "=", False),
            ("group_ids", "in", self.env.user.groups_id.ids),
        ]
        if (operator == "=") == value:
            return shown
        return ["!", *normalize_domain(shown)]

    @api.model
    def _ops_eval_context(self):
        today = fields.Date.context_today(self)
        month_start = today.replace(day=1)
        return {
            "uid": self.env.uid,
            "user": self.env.user,
            "today": today,
            "month_start": month_start,
            "month_end": month_start + relativedelta(months=1, days=-1),
            "next_month_start": month_start + relativedelta(months=1),
            "relativedelta": relativedelta,
        }

    def _ops_domain(self, text=None):
        self.ensure_one()
        return safe_eval(text or self.domain or "[]", self._ops_eval_context())

    def _ops_value(self):
        """The tile's figure, read as the current user (record rules apply).

        One aggregate query per tile (read_group / search_count), never a
        loop over the records counted."""
        self.ensure_one()
        Model = self.env[self.model_name]
        if not Model.has_access("read"):
            return None
        domain = self._ops_domain()
        if self.value_field:
            # The public read_group: a report may recompute a grouped
            # figure there (e.g. ROI from the summed revenue and cost).
            spec = f"{self.value_field}:{self.value_aggregator or 'sum'}"
            groups = Model.read_group(domain, [spec], [])
            return float(groups[0].get(self.value_field) or 0.0) if groups else 0.0
        total = Model.search_count(domain)
        if self.ratio_domain:
            if not total:
                return None
            part = Model.search_count(
                expression.AND([domain, self._ops_domain(self.ratio_domain)])
            )
            return 100.0 * part / total
        return float(total)

    @api.depends_context("uid", "company", "allowed_company_ids", "tz")
    def _compute_value(self):
        for tile in self:
            value = tile._ops_value() if tile.model_name in self.env else None
            tile.value = value or 0.0
            if value is None:
                tile.value_display = "-"
            elif tile.ratio_domain:
                tile.value_display = f"{value:.1f}%"
            elif tile.value_field:
                tile.value_display = f"{value:,.2f}"
            else:
                tile.value_display = f"{int(value)}"

    def _ops_open_context(self):
        """The tile's context, without groupings on fields the user cannot
        read: the view would refuse to open rather than show ungrouped."""
        ctx = safe_eval(self.context or "{}", self._ops_eval_context())
        group_by = ctx.get("group_by")
        if group_by:
            fields_ = self.env[self.model_name]._fields
            names = [group_by] if isinstance(group_by, str) else list(group_by)
            readable = [
                name
                for name in names
                if (field := fields_.get(name.split(":")[0]))
                and field.is_accessible(self.env)
            ]
            if readable:
                ctx["group_by"] = readable
            else:
                ctx.pop("group_by")
        return ctx

    def action_open(self):
        """Open the records behind the figure, inside the Operations app."""
        self.ensure_one()
        if self.model_name not in self.env:
            raise UserError(self.env._("This figure's application is not installed."))
        action = {}
        if self.action_xmlid and self.env.ref(
            self.action_xmlid, raise_if_not_found=False
        ):
            action = self.env["ir.actions.act_window"]._for_xml_id(self.action_xmlid)
        domain = self._ops_domain()
        if self.ratio_domain:
            # The records that do not meet the measure are the ones to act on.
            ratio = normalize_domain(self._ops_domain(self.ratio_domain))
            domain = expression.AND([domain, ["!", *ratio]])
        ctx = self._ops_open_context()
        view_mode = self.view_mode or action.get("view_mode") or "list,form"
        # Keep the action's own views (the suite's forms) for the modes asked.
        known = {mode: view_id for view_id, mode in action.get("views") or []}
        views = [(known.get(mode, False), mode) for mode in view_mode.split(",")]
        action.update(
            {
                "type": "ir.actions.act_window",
                "name": self.name,
                # The breadcrumb reads the display name: the figure's, not the
                # underlying action's.
                "display_name": self.name,
                "res_model": self.model_name,
                "domain": domain,
                "context": ctx,
                "view_mode": view_mode,
                "views": views,
                "target": "current",
            }
        )
        action.pop("id", None)
        return action
