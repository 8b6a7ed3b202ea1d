from . import test_proposal
from . import test_project
from . import test_monthly_report
from . import test_security
from . import test_tour
from . import test_project_security
from . import test_host_apps
from . import test_approval_integrity
