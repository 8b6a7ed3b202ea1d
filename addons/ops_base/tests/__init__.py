from . import test_regulation_approval
from . import test_access
from . import test_tour
from . import test_accountability
from . import test_engine
from . import test_rpc_bypass
