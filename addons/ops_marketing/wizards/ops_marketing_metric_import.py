# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import csv
import datetime
import io

from odoo import fields, models
from odoo.exceptions import UserError

INT_COLUMNS = ("impressions", "clicks", "conversions", "followers")
COLUMNS = ("campaign", "channel", "date", *INT_COLUMNS, "cost")


class OpsMarketingMetricImport(models.TransientModel):
    """Import daily metrics from CSV/XLSX: good rows in, bad rows reported."""

    _name = "ops.marketing.metric.import"
    _description = "Import Campaign Metrics"

    file = fields.Binary(required=True)
    filename = fields.Char()
    campaign_id = fields.Many2one(
        "ops.marketing.campaign",
        string="Default Campaign",
        help="Used for rows whose campaign column is empty or absent.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done")], default="draft", required=True
    )
    imported_count = fields.Integer(readonly=True)
    error_count = fields.Integer(readonly=True)
    error_line_ids = fields.One2many(
        "ops.marketing.metric.import.error", "wizard_id", string="Rejected Rows"
    )
    metric_ids = fields.Many2many("ops.marketing.metric", string="Imported Entries")

    # ------------------------------------------------------------------
    # Reading
    # ------------------------------------------------------------------
    def _read_rows(self):
        """Return [(row number, {column: value})] from the uploaded file."""
        self.ensure_one()
        content = base64.b64decode(self.file)
        name = (self.filename or "").lower()
        if name.endswith((".xlsx", ".xlsm")) or content[:2] == b"PK":
            return self._read_xlsx(content)
        return self._read_csv(content)

    def _read_csv(self, content):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise UserError(self.env._("The CSV file must be encoded in UTF-8.")) from e
        dialect = csv.excel
        try:
            dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        rows = list(csv.reader(io.StringIO(text), dialect))
        return self._rows_to_dicts(rows)

    def _read_xlsx(self, content):
        import openpyxl

        try:
            book = openpyxl.load_workbook(
                io.BytesIO(content), read_only=True, data_only=True
            )
        except Exception as e:
            raise UserError(self.env._("This file is not a readable XLSX file.")) from e
        rows = [list(r) for r in book.active.iter_rows(values_only=True)]
        return self._rows_to_dicts(rows)

    def _rows_to_dicts(self, rows):
        if not rows:
            raise UserError(self.env._("The file is empty."))
        header = [str(h or "").strip().lower() for h in rows[0]]
        missing = {"channel", "date"} - set(header)
        if missing:
            raise UserError(
                self.env._(
                    "Missing columns: %(columns)s. Expected: %(expected)s.",
                    columns=", ".join(sorted(missing)),
                    expected=", ".join(COLUMNS),
                )
            )
        result = []
        for number, row in enumerate(rows[1:], start=2):
            if not any(v not in (None, "") for v in row):
                continue
            result.append((number, dict(zip(header, row, strict=False))))
        return result

    # ------------------------------------------------------------------
    # Validation
    # ------------------------------------------------------------------
    def _parse_date(self, value):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        return fields.Date.to_date(str(value or "").strip())

    def _parse_int(self, value, label):
        if value in (None, ""):
            return 0
        try:
            number = float(str(value).strip())
        except ValueError as e:
            raise ValueError(
                self.env._("%(column)s is not a number", column=label)
            ) from e
        if number < 0 or number != int(number):
            raise ValueError(
                self.env._("%(column)s must be a whole number ≥ 0", column=label)
            )
        return int(number)

    def _validate_row(self, values, lookups, seen):
        """Return the metric values of a row or raise ValueError(reason)."""
        campaigns, channels = lookups
        campaign_name = str(values.get("campaign") or "").strip()
        if campaign_name:
            campaign = campaigns.get(campaign_name.lower())
            if not campaign:
                raise ValueError(
                    self.env._("unknown campaign “%(name)s”", name=campaign_name)
                )
        elif self.campaign_id:
            campaign = self.campaign_id
        else:
            raise ValueError(self.env._("no campaign"))
        if campaign.state in ("draft", "cancel"):
            raise ValueError(
                self.env._("campaign “%(name)s” is not approved", name=campaign.name)
            )
        channel_key = str(values.get("channel") or "").strip().lower()
        channel = channels.get(channel_key)
        if not channel:
            raise ValueError(
                self.env._("unknown channel “%(name)s”", name=values.get("channel"))
            )
        try:
            date = self._parse_date(values.get("date"))
        except ValueError:
            date = None
        if not date:
            raise ValueError(
                self.env._(
                    "invalid date “%(date)s” (expected YYYY-MM-DD)",
                    date=values.get("date"),
                )
            )
        vals = {"campaign_id": campaign.id, "channel_id": channel.id, "date": date}
        for column in INT_COLUMNS:
            vals[column] = self._parse_int(values.get(column), column)
        cost = values.get("cost")
        try:
            vals["cost"] = float(str(cost).strip()) if cost not in (None, "") else 0.0
        except ValueError as e:
            raise ValueError(self.env._("cost is not a number")) from e
        if vals["cost"] < 0:
            raise ValueError(self.env._("cost cannot be negative"))
        if vals["clicks"] > vals["impressions"]:
            raise ValueError(self.env._("more clicks than impressions"))
        key = (campaign.id, channel.id, date)
        if key in seen:
            raise ValueError(self.env._("duplicate of row %(row)s", row=seen[key]))
        return key, vals

    def action_import(self):
        self.ensure_one()
        rows = self._read_rows()
        Campaign = self.env["ops.marketing.campaign"]
        campaign_names = {str(v.get("campaign") or "").strip() for _n, v in rows} - {""}
        campaigns = {
            c.name.lower(): c
            for c in Campaign.search([("name", "in", list(campaign_names))])
        }
        channels = {}
        for channel in self.env["ops.marketing.channel"].search(
            [("active", "=", True)]
        ):
            channels[channel.code.lower()] = channel
            channels[channel.name.lower()] = channel
        seen, good, errors = {}, [], []
        for number, values in rows:
            try:
                key, vals = self._validate_row(values, (campaigns, channels), seen)
            except ValueError as e:
                errors.append({"row": number, "reason": str(e)})
                continue
            seen[key] = number
            good.append((number, key, vals))
        # Entries already recorded are reported, not duplicated.
        if good:
            existing = self.env["ops.marketing.metric"].search(
                [
                    ("campaign_id", "in", list({k[0] for _n, k, _v in good})),
                    ("date", "in", list({k[2] for _n, k, _v in good})),
                ]
            )
            taken = {(m.campaign_id.id, m.channel_id.id, m.date) for m in existing}
            kept = []
            for number, key, vals in good:
                if key in taken:
                    errors.append(
                        {
                            "row": number,
                            "reason": self.env._(
                                "an entry already exists for this campaign, "
                                "channel and day"
                            ),
                        }
                    )
                else:
                    kept.append(vals)
            metrics = self.env["ops.marketing.metric"].create(kept)
        else:
            metrics = self.env["ops.marketing.metric"]
        errors.sort(key=lambda e: e["row"])
        self.write(
            {
                "state": "done",
                "imported_count": len(metrics),
                "error_count": len(errors),
                "metric_ids": [fields.Command.set(metrics.ids)],
                "error_line_ids": [fields.Command.clear()]
                + [fields.Command.create(e) for e in errors],
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Import Result"),
        }
