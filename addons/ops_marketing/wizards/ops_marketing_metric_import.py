# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import binascii
import csv
import datetime
import io
import logging

from psycopg2 import Error as PsycopgError

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..models.ops_marketing_campaign import check_campaign_readable
from ..models.ops_marketing_number_mixin import number_error

_logger = logging.getLogger(__name__)

INT_COLUMNS = ("impressions", "clicks", "conversions", "followers")
COLUMNS = ("campaign", "channel", "date", *INT_COLUMNS, "cost")


class FileError(Exception):
    """The file as a whole cannot be read: reported on line ``row``."""

    def __init__(self, reason, row=0):
        super().__init__(reason)
        self.row = row


class OpsMarketingMetricImport(models.TransientModel):
    """Import daily metrics from CSV/XLSX: good rows in, bad rows reported."""

    _name = "ops.marketing.metric.import"
    _inherit = ["ops.background.mixin"]
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

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        check_campaign_readable(records)
        return records

    def write(self, vals):
        res = super().write(vals)
        if "campaign_id" in vals:
            check_campaign_readable(self)
        return res

    # ------------------------------------------------------------------
    # Reading: every problem of the file itself is a FileError, reported like
    # a bad row; nothing here may stop the import with a traceback.
    # ------------------------------------------------------------------
    def _read_rows(self):
        """Return [(row number, {column: value})] from the uploaded file."""
        self.ensure_one()
        try:
            content = base64.b64decode(self.file or b"", validate=False)
        except (binascii.Error, ValueError) as e:
            raise FileError(self.env._("the file could not be decoded")) from e
        if not content.strip():
            raise FileError(self.env._("the file is empty"))
        name = (self.filename or "").lower()
        if name.endswith((".xlsx", ".xlsm")) or content[:2] == b"PK":
            return self._read_xlsx(content)
        return self._read_csv(content)

    def _read_csv(self, content):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise FileError(
                self.env._("the file is neither a UTF-8 CSV file nor an XLSX workbook")
            ) from e
        if "\x00" in text:
            raise FileError(self.env._("the file is not a CSV text file"))
        try:
            dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        try:
            rows = list(csv.reader(io.StringIO(text), dialect))
        except csv.Error as e:
            raise FileError(
                self.env._("the CSV file cannot be read: %(error)s", error=str(e))
            ) from e
        return self._rows_to_dicts(rows)

    def _read_xlsx(self, content):
        import openpyxl

        try:
            book = openpyxl.load_workbook(
                io.BytesIO(content), read_only=True, data_only=True
            )
            rows = [list(r) for r in book.active.iter_rows(values_only=True)]
        except Exception as e:  # openpyxl raises many kinds on a bad file
            raise FileError(self.env._("this file is not a readable XLSX file")) from e
        return self._rows_to_dicts(rows)

    def _rows_to_dicts(self, rows):
        # Row numbers are the file's lines, blank lines included.
        numbered = [
            (number, row)
            for number, row in enumerate(rows, start=1)
            if any(v not in (None, "") for v in row)
        ]
        if not numbered:
            raise FileError(self.env._("the file is empty"))
        header_number, header_row = numbered[0]
        header = [str(h or "").strip().lower() for h in header_row]
        missing = {"channel", "date"} - set(header)
        if missing:
            raise FileError(
                self.env._(
                    "missing columns: %(columns)s. Expected: %(expected)s",
                    columns=", ".join(sorted(missing)),
                    expected=", ".join(COLUMNS),
                ),
                row=header_number,
            )
        unknown = [h for h in header if h and h not in COLUMNS]
        if unknown:
            raise FileError(
                self.env._(
                    "unknown columns: %(columns)s. Expected: %(expected)s",
                    columns=", ".join(unknown),
                    expected=", ".join(COLUMNS),
                ),
                row=header_number,
            )
        result = [
            (number, dict(zip(header, row, strict=False)))
            for number, row in numbered[1:]
        ]
        if not result:
            raise FileError(
                self.env._("the file has a header but no rows"), row=header_number
            )
        return result

    # ------------------------------------------------------------------
    # Validation: a bad value raises ValueError(reason) for its row.
    # ------------------------------------------------------------------
    def _parse_date(self, value):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        try:
            return fields.Date.to_date(str(value or "").strip()) or None
        except (ValueError, TypeError, OverflowError):
            return None

    def _parse_number(self, value, column, field_type):
        """The cell as a sane number, 0 when empty; ValueError otherwise."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return 0 if field_type == "integer" else 0.0
        if isinstance(value, str):
            value = value.strip()
            try:
                number = float(value)
            except (ValueError, OverflowError):
                number = value
        else:
            number = value
        reason = number_error(self.env, number, field_type)
        if reason:
            raise ValueError(
                self.env._("%(column)s: %(reason)s", column=column, reason=reason)
            )
        return int(number) if field_type == "integer" else float(number)

    def _validate_row(self, values, lookups, seen):
        """Return (key, metric values) of a row or raise ValueError(reason)."""
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
        if campaign.state == "evaluated":
            raise ValueError(
                self.env._(
                    "campaign “%(name)s” is evaluated: its results are closed",
                    name=campaign.name,
                )
            )
        channel_key = str(values.get("channel") or "").strip().lower()
        channel = channels.get((campaign.company_id.id, channel_key))
        if not channel:
            raise ValueError(
                self.env._("unknown channel “%(name)s”", name=values.get("channel"))
            )
        date = self._parse_date(values.get("date"))
        if not date:
            raise ValueError(
                self.env._(
                    "invalid date “%(date)s” (expected YYYY-MM-DD)",
                    date=values.get("date"),
                )
            )
        if not campaign.date_start <= date <= campaign.date_end:
            raise ValueError(
                self.env._(
                    "date %(date)s is outside the campaign (%(start)s to %(end)s)",
                    date=date,
                    start=campaign.date_start,
                    end=campaign.date_end,
                )
            )
        vals = {"campaign_id": campaign.id, "channel_id": channel.id, "date": date}
        for column in INT_COLUMNS:
            vals[column] = self._parse_number(values.get(column), column, "integer")
        vals["cost"] = self._parse_number(values.get("cost"), "cost", "monetary")
        if vals["clicks"] > vals["impressions"]:
            raise ValueError(self.env._("more clicks than impressions"))
        if vals["conversions"] > vals["clicks"]:
            raise ValueError(self.env._("more conversions than clicks"))
        key = (campaign.id, channel.id, date)
        if key in seen:
            raise ValueError(self.env._("duplicate of row %(row)s", row=seen[key]))
        return key, vals

    def _lookups(self, rows):
        Campaign = self.env["ops.marketing.campaign"]
        names = {str(v.get("campaign") or "").strip() for _n, v in rows} - {""}
        campaigns = {
            c.name.lower(): c for c in Campaign.search([("name", "in", list(names))])
        }
        channels = {}
        for channel in self.env["ops.marketing.channel"].search(
            [("active", "=", True)]
        ):
            company = channel.company_id.id
            channels[(company, channel.code.lower())] = channel
            channels[(company, channel.name.lower())] = channel
        return campaigns, channels

    def _create_metrics(self, good):
        """Create the good rows; a row the database still refuses is reported
        like any bad row instead of failing the whole import."""
        Metric = self.env["ops.marketing.metric"]
        errors = []
        try:
            with self.env.cr.savepoint():
                return Metric.create([vals for _n, vals in good]), errors
        except (AccessError, ValidationError, UserError, PsycopgError, ValueError) as e:
            _logger.info("Metric import: batch refused (%s), row by row", e)
        metrics = Metric.browse()
        for number, vals in good:
            try:
                with self.env.cr.savepoint():
                    metrics |= Metric.create(vals)
            except (AccessError, ValidationError, UserError) as e:
                errors.append({"row": number, "reason": str(e.args[0])})
            except (PsycopgError, ValueError):
                errors.append(
                    {"row": number, "reason": self.env._("refused by the database")}
                )
        return metrics, errors

    def action_import(self):
        """Import the file: a large one in the background (queue job), the
        user is told the result in Odoo when it is done."""
        self.ensure_one()
        if self.campaign_id:
            self.campaign_id.check_access("read")
        limit = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("ops_marketing.import_background_bytes", 1000000)
        )
        # ``file`` is base64: about 4/3 of the file's size.
        if len(self.file or b"") * 3 // 4 > limit:
            return self._ops_enqueue(
                "_ops_import",
                self.env._("Import of %(file)s", file=self.filename or ""),
            )
        self._ops_import()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Import Result"),
        }

    def _ops_import(self):
        self.ensure_one()
        errors, good = [], []
        try:
            rows = self._read_rows()
        except FileError as e:
            rows = []
            errors.append({"row": e.row, "reason": str(e.args[0])})
        lookups = self._lookups(rows)
        seen = {}
        for number, values in rows:
            try:
                key, vals = self._validate_row(values, lookups, seen)
            except ValueError as e:
                errors.append({"row": number, "reason": str(e.args[0])})
                continue
            except AccessError:
                errors.append(
                    {"row": number, "reason": self.env._("campaign not accessible")}
                )
                continue
            seen[key] = number
            good.append((number, key, vals))
        # Entries already recorded are reported, not duplicated.
        kept = []
        if good:
            existing = self.env["ops.marketing.metric"].search(
                [
                    ("campaign_id", "in", list({k[0] for _n, k, _v in good})),
                    ("date", "in", list({k[2] for _n, k, _v in good})),
                ]
            )
            taken = {(m.campaign_id.id, m.channel_id.id, m.date) for m in existing}
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
                    kept.append((number, vals))
        metrics = self.env["ops.marketing.metric"]
        if kept:
            metrics, refused = self._create_metrics(kept)
            errors += refused
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
        return self.env._(
            "%(count)s entries imported, %(errors)s rows rejected.",
            count=len(metrics),
            errors=len(errors),
        )
