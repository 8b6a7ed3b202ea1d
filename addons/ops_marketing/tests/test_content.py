# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import MarketingCase


@tagged("post_install", "-at_install")
class TestContent(MarketingCase):
    def _content(self):
        return (
            self.env["ops.marketing.content"]
            .with_user(self.user_a)
            .create(
                {
                    "name": "Launch press release",
                    "content_type": "press",
                    "channel_id": self.channel_web.id,
                    "body": "<p>Big news</p>",
                }
            )
        )

    def test_unapproved_content_cannot_be_published(self):
        content = self._content()
        with self.assertRaises(UserError):
            content.action_publish()
        content.request_validation()
        self.assertEqual(content.validation_status, "pending")
        with self.assertRaises(UserError):
            content.action_publish()
        self.assertEqual(content.state, "draft")

    def test_only_planning_promotion_approves(self):
        content = self._content()
        content.request_validation()
        self.assertIn(self.reviewer, content.review_ids.reviewer_ids)
        self.assertNotIn(self.manager, content.review_ids.reviewer_ids)
        with self.assertRaises(UserError):
            content.with_user(self.manager).validate_tier()
        content.with_user(self.reviewer).validate_tier()
        self.assertEqual(content.validation_status, "validated")
        content.action_publish()
        self.assertEqual(content.state, "published")
        self.assertEqual(content.publish_date, self.today)

    def test_rejected_content_stays_unpublished(self):
        content = self._content()
        content.request_validation()
        content.with_user(self.reviewer).reject_tier()
        with self.assertRaises(UserError):
            content.action_publish()
        self.assertEqual(content.state, "draft")
