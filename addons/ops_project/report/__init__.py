from . import monthly_report_xlsx
from . import investment_report_xlsx
