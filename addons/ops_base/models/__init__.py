from . import ops_tier_validation
from . import tier_review
from . import tier_definition
from . import res_company
from . import res_config_settings
from . import ops_regulation
from . import ops_accountability
