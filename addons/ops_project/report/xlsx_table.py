# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One table per sheet, readable as opened: columns as wide as their longest
value, the header row frozen, and a totals row under the figures."""


def write_table(workbook, sheet, top, headers, rows, money_cols, total_label):
    """Write ``headers`` and ``rows`` from row ``top``, then a bold totals
    row summing every numeric column. Returns the totals (a list)."""
    bold = workbook.add_format({"bold": True, "bottom": 1, "text_wrap": False})
    money = workbook.add_format({"num_format": "#,##0.00"})
    total_fmt = workbook.add_format({"bold": True, "top": 1})
    total_money = workbook.add_format(
        {"bold": True, "top": 1, "num_format": "#,##0.00"}
    )
    widths = [len(str(header)) for header in headers]
    for col, header in enumerate(headers):
        sheet.write(top, col, header, bold)
    totals = [None] * len(headers)
    for row, values in enumerate(rows, start=top + 1):
        for col, value in enumerate(values):
            sheet.write(row, col, value, money if col in money_cols else None)
            shown = f"{value:,.2f}" if col in money_cols else str(value)
            widths[col] = max(widths[col], len(shown))
            if isinstance(value, int | float) and not isinstance(value, bool):
                totals[col] = (totals[col] or 0) + value
    total_row = top + 1 + len(rows)
    sheet.write(total_row, 0, total_label, total_fmt)
    for col, value in enumerate(totals):
        if col and value is not None:
            sheet.write(
                total_row, col, value, total_money if col in money_cols else total_fmt
            )
    for col, width in enumerate(widths):
        # Chinese characters take two columns' width.
        sheet.set_column(col, col, min(max(width + 2, 8) * 1.2, 60))
    sheet.freeze_panes(top + 1, 1)
    return totals
