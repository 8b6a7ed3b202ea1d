# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Users outside operations open partners and brands as if the suite were
not installed: its fields are neither sent to them nor computed for them."""

from lxml import etree

from odoo.tests import TransactionCase, new_test_user, tagged

from .common import CTX


@tagged("post_install", "-at_install")
class TestHostForms(TransactionCase):
    def test_partner_and_brand_forms_for_plain_user(self):
        plain = new_test_user(
            self.env, login="mk_host_plain", groups="base.group_user", context=CTX
        )
        partner = self.env["res.partner"].create({"name": "Host partner"})
        brand = self.env["res.brand"].create({"name": "Host brand"})
        # The brand's positioning (slogan, colours) is plain brand data; what
        # crosses into operations records (plans, campaign count) is not sent.
        hidden = {
            "res.partner": [n for n in partner._fields if n.startswith("ops_")],
            "res.brand": ["ops_plan_ids", "ops_campaign_count"],
        }
        for record in (partner, brand):
            Model = self.env[record._name].with_user(plain)
            views = Model.get_views([(False, "form"), (False, "search")])
            fnames = list(views["models"][record._name]["fields"])
            self.assertFalse(set(hidden[record._name]) & set(fnames), record._name)
            # What the web client reads to show the form: the fields of the
            # form's arch as served to this user (not those of the search
            # view, which it never reads).
            arch = etree.fromstring(views["views"]["form"]["arch"])
            shown = {
                node.get("name")
                for node in arch.iter("field")
                if node.get("name") in views["models"][record._name]["fields"]
            }
            Model.browse(record.id).web_read({name: {} for name in shown})
        # Reading every field it may read works too (an export, a script).
        readable = [
            name
            for name, field in partner._fields.items()
            if name.startswith("ops_") and not field.groups
        ]
        self.assertFalse(readable, "partner layer fields are restricted")
