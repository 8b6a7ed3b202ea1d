from . import ops_marketing_campaign_report
from . import campaign_results_xlsx
