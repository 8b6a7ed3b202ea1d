from . import test_template
from . import test_cycle
from . import test_result
from . import test_flow
from . import test_security
from . import test_disciplinary
from . import test_bonus_export
from . import test_tour
