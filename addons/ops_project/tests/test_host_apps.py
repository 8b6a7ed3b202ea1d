# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The suite is a guest in an existing Odoo: people without an operations
role keep using Project, CRM, Helpdesk and Appraisals as before.

Every window action of those apps is opened the way the web client opens it
(``get_views``, then ``web_search_read`` / ``web_read_group`` for list and
kanban, ``web_read`` of a record and ``onchange`` of a new one for the form,
with exactly the fields the views ask for) as each kind of non-operations
user. The apps other than Project are optional dependencies here: ``make
test`` installs them all, and the test asserts they were covered there.
"""

from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools.safe_eval import datetime, dateutil, safe_eval, time

HOST_MODULES = ("project", "crm", "helpdesk_mgmt", "hr_appraisal_oca")
VIEW_TYPES = ("list", "kanban", "form")

# Kinds of people a host company has, none with an operations role: the
# groups of a kind whose module is missing are left out.
USER_KINDS = {
    "employee": ["base.group_user"],
    "project_user": ["project.group_project_user"],
    "project_manager": ["project.group_project_manager"],
    "sales_user": ["sales_team.group_sale_salesman"],
    "helpdesk_user": ["helpdesk_mgmt.group_helpdesk_user"],
    "hr_officer": ["hr.group_hr_user", "hr_appraisal_oca.group_appraisal_user"],
}


def field_nodes(node):
    """The <field> nodes of a view level, not those of embedded x2many views."""
    for child in node.iterchildren(tag=etree.Element):
        if child.tag == "field":
            yield child
        else:
            yield from field_nodes(child)


class HostAppsCase(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.installed = set(
            cls.env["ir.module.module"]
            .search([("name", "in", HOST_MODULES), ("state", "=", "installed")])
            .mapped("name")
        )
        cls.users = {}
        for kind, xmlids in USER_KINDS.items():
            groups = [x for x in xmlids if cls.env.ref(x, raise_if_not_found=False)]
            if not groups:
                continue
            user = new_test_user(
                cls.env,
                login=f"host_{kind}",
                password=f"host_{kind}",
                groups=",".join(["base.group_user"] + groups),
                tz="UTC",
            )
            cls.env["hr.employee"].create({"name": user.name, "user_id": user.id})
            cls.users[kind] = user
        cls._make_operations_project()

    @classmethod
    def _make_operations_project(cls):
        """An operations project with risks and a change request, the data
        the project kanban and form used to show to everybody."""
        sudo = cls.env["project.project"].sudo()
        cls.ops_project = sudo.create(
            {"name": "Host Ops Project", "ops_is_operations": True}
        )
        # Counted: the open critical and the open high risk; not counted: a
        # closed critical one, an open medium one, another project's.
        other = sudo.create({"name": "Host Other Project", "ops_is_operations": True})
        category = cls.env.ref("ops_project.risk_category_contract")
        cls.env["ops.project.risk"].sudo().create(
            [
                {
                    "name": name,
                    "project_id": project.id,
                    "category_id": category.id,
                    "probability": probability,
                    "impact": impact,
                    "state": state,
                }
                for name, project, probability, impact, state in (
                    ("Host: supplier fails", cls.ops_project, "5", "4", "open"),
                    ("Host: key engineer leaves", cls.ops_project, "4", "3", "open"),
                    ("Host: contract void", cls.ops_project, "5", "5", "closed"),
                    ("Host: late delivery", cls.ops_project, "2", "3", "open"),
                    ("Host: other project's", other, "5", "5", "open"),
                )
            ]
        )
        cls.env["ops.project.change"].sudo().create(
            {
                "name": "Host: add a report",
                "project_id": cls.ops_project.id,
                "description": "<p>One more report</p>",
            }
        )
        cls.ops_user = new_test_user(
            cls.env,
            login="host_ops_user",
            groups="ops_base.group_ops_user,project.group_project_user",
        )
        cls.ops_project.message_subscribe(partner_ids=cls.ops_user.partner_id.ids)
        cls.ops_project.message_subscribe(
            partner_ids=[u.partner_id.id for u in cls.users.values()]
        )


@tagged("post_install", "-at_install")
class TestHostActions(HostAppsCase):
    def _eval(self, user, text, default):
        if not text or not isinstance(text, str):
            return text or default
        values = {
            "uid": user.id,
            "user": user,
            "active_id": False,
            "active_ids": [],
            "active_model": False,
            "allowed_company_ids": user.company_ids.ids,
            "current_company_id": user.company_id.id,
            "context_today": datetime.date.today,
            "time": time,
            "datetime": datetime,
            "relativedelta": dateutil.relativedelta.relativedelta,
            # the web client's evaluator also knows JavaScript's literals
            "true": True,
            "false": False,
            "null": None,
        }
        return safe_eval(text, values)

    def _spec(self, model, node):
        """The field specification the web client sends for a view level."""
        spec = {"display_name": {}} if "display_name" in model._fields else {}
        for field_node in field_nodes(node):
            field = model._fields.get(field_node.get("name"))
            if field is None:
                continue
            if field.type == "many2one":
                spec[field.name] = {"fields": {"display_name": {}}}
            elif field.type in ("one2many", "many2many"):
                sub = next(
                    (c for c in field_node if c.tag in ("list", "kanban", "form")),
                    None,
                )
                comodel = model.env[field.comodel_name]
                sub_spec = (
                    self._spec(comodel, sub)
                    if sub is not None
                    else {"display_name": {}}
                )
                spec[field.name] = {"fields": sub_spec, "limit": 40}
            else:
                spec.setdefault(field.name, {})
        return spec

    def _open(self, user, action):
        """Open one action as the web client does; raise what it would show."""
        context = self._eval(user, action.context, {})
        domain = self._eval(user, action.domain, [])
        model = self.env[action.res_model].with_user(user).with_context(**context)
        views = [
            (v_id, v_type) for v_id, v_type in action.views if v_type in VIEW_TYPES
        ]
        if not views:
            return 0
        result = model.get_views(views + [(False, "search")], {"action_id": action.id})
        opened = 0
        for v_type in {v_type for _id, v_type in views}:
            arch = etree.fromstring(result["views"][v_type]["arch"])
            spec = self._spec(model, arch)
            if v_type == "form":
                record = model.browse(action.res_id) if action.res_id else None
                record = record or model.search(domain, limit=1)
                if record:
                    record.web_read(spec)
                if model.has_access("create"):
                    model.onchange({}, [], spec)
            else:
                model.web_search_read(domain, spec, limit=80)
                group_by = context.get("group_by")
                if group_by:
                    group_by = [group_by] if isinstance(group_by, str) else group_by
                    model.web_read_group(domain, [], group_by[:1])
            opened += 1
        return opened

    def _actions(self):
        data = self.env["ir.model.data"].search(
            [("model", "=", "ir.actions.act_window"), ("module", "in", HOST_MODULES)]
        )
        return [
            (f"{d.module}.{d.name}", self.env["ir.actions.act_window"].browse(d.res_id))
            for d in data.sorted(lambda d: (d.module, d.name))
        ]

    def _reachable(self, user, action, menus):
        """Whether the user can get to the action: a menu they see, or (for an
        action of no menu, opened by a button) read access to its model."""
        if action.groups_id and not (action.groups_id & user.groups_id):
            return False
        in_menus = menus.get(action.id)
        if in_menus is not None:
            visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            # shown only when the menu and all its ancestors are visible
            return any(
                all(int(i) in visible for i in menu.parent_path.split("/") if i)
                for menu in in_menus
            )
        return self.env[action.res_model].with_user(user).has_access("read")

    def _needs_record(self, user, action):
        """Actions whose context or domain use a record's values (e.g.
        ``project_id``) are opened from that record, not from a menu."""
        try:
            self._eval(user, action.context, {})
            self._eval(user, action.domain, [])
        except (NameError, ValueError) as error:
            if "is not defined" in str(error):
                return True
            raise
        return False

    def test_every_host_action_opens_for_non_operations_users(self):
        self.assertIn("project", self.installed)
        opened_modules = set()
        menus = {}
        for menu in self.env["ir.ui.menu"].search(
            [("action", "like", "ir.actions.act_window,")]
        ):
            menus.setdefault(menu.action.id, self.env["ir.ui.menu"])
            menus[menu.action.id] |= menu
        actions = [
            (xmlid, action)
            for xmlid, action in self._actions()
            if action.res_model in self.env
        ]
        for kind, user in self.users.items():
            failures = []
            for xmlid, action in actions:
                if not self._reachable(user, action, menus):
                    continue
                if self._needs_record(user, action):
                    continue
                with self.subTest(user=kind, action=xmlid):
                    try:
                        with self.env.cr.savepoint():
                            if self._open(user, action):
                                opened_modules.add(xmlid.split(".")[0])
                    except Exception as error:  # noqa: BLE001 - report all at once
                        failures.append(f"{xmlid}: {type(error).__name__}: {error}")
            self.assertFalse(
                failures,
                f"{kind} cannot open:\n" + "\n".join(failures),
            )
        # Each installed host app was really opened by somebody.
        self.assertEqual(opened_modules, self.installed)

    def test_project_views_hide_operations_data(self):
        """The operations fields are neither in the views nor readable over
        RPC for a project user."""
        user = self.users["project_user"]
        project = self.env["project.project"].with_user(user)
        views = project.get_views(
            [(False, "form"), (False, "kanban"), (False, "search")]
        )
        for v_type in ("form", "kanban", "search"):
            arch = views["views"][v_type]["arch"]
            for fname in (
                "ops_open_high_risk_count",
                "ops_risk_ids",
                "ops_department_id",
            ):
                self.assertNotIn(fname, arch, f"{fname} in the {v_type} view")
        self.assertNotIn("ops_risk_ids", project.fields_get())
        for fname in ("ops_open_high_risk_count", "ops_risk_ids", "ops_budget"):
            with self.assertRaises(AccessError):
                project.browse(self.ops_project.id).read([fname])

    def test_project_manager_duplicates_an_operations_project(self):
        """Project's "Duplicate" copies no operations field, so a project
        manager without an operations role may use it."""
        self.ops_project.sudo().ops_department_id = self.env["hr.department"].create(
            {"name": "Host Department"}
        )
        project = self.ops_project.with_user(self.users["project_manager"])
        copy = project.copy()
        self.assertFalse(copy.ops_is_operations)
        self.assertFalse(copy.sudo().ops_department_id)

    def test_operations_user_sees_the_high_risk_count(self):
        """An operations user gets the page and the count: open high and
        critical risks of this project only."""
        project = self.ops_project.with_user(self.ops_user)
        views = project.get_views([(False, "form"), (False, "kanban")])
        self.assertIn('name="ops"', views["views"]["form"]["arch"])
        self.assertIn("ops_open_high_risk_count", views["views"]["kanban"]["arch"])
        self.assertEqual(project.ops_open_high_risk_count, 2)
        self.assertEqual(
            project.web_read({"ops_open_high_risk_count": {}})[0][
                "ops_open_high_risk_count"
            ],
            2,
        )


@tagged("post_install", "-at_install")
class TestHostTours(HostAppsCase):
    """A plain internal user with Project, CRM and Helpdesk user rights, no
    operations role, opens those apps in the browser (tours of ops_base's
    static/tests/tours/ops_host_apps_tour.js)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        groups = ["base.group_user", "project.group_project_user"]
        groups += [
            x
            for x in (
                "sales_team.group_sale_salesman",
                "helpdesk_mgmt.group_helpdesk_user",
            )
            if cls.env.ref(x, raise_if_not_found=False)
        ]
        cls.guest = new_test_user(
            cls.env,
            login="host_guest",
            password="host_guest",
            groups=",".join(groups),
            tz="UTC",
        )
        cls.ops_project.message_subscribe(partner_ids=cls.guest.partner_id.ids)
        stage = cls.env["project.task.type"].create(
            {"name": "Host stage", "project_ids": [(4, cls.ops_project.id)]}
        )
        cls.env["project.task"].create(
            {
                "name": "Host task",
                "project_id": cls.ops_project.id,
                "stage_id": stage.id,
            }
        )

    def _require(self, module):
        # make test installs every host app: a missing one there is a failure
        # (a skipped test counts as one), elsewhere a reason to skip.
        if module not in self.installed:
            self.skipTest(f"{module} is not installed")

    def test_project(self):
        self.start_tour("/odoo", "ops_host_project", login="host_guest")

    def test_crm(self):
        self._require("crm")
        self.env["crm.lead"].create(
            {"name": "Host lead", "type": "opportunity", "user_id": self.guest.id}
        )
        self.start_tour("/odoo", "ops_host_crm", login="host_guest")

    def test_helpdesk(self):
        self._require("helpdesk_mgmt")
        self.env["helpdesk.ticket"].create(
            {
                "name": "Host ticket",
                "description": "<p>Printer jams</p>",
                "user_id": self.guest.id,
            }
        )
        self.start_tour("/odoo", "ops_host_helpdesk", login="host_guest")
