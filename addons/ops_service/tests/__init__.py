from . import test_sla
from . import test_complaint
from . import test_feedback
from . import test_privacy
from . import test_analysis
from . import test_tour
