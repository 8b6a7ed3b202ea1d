from . import ops_marketing_metric_import
from . import ops_marketing_metric_import_error
from . import ops_marketing_export
from . import ops_marketing_campaign_change
