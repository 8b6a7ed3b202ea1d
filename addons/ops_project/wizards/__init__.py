from . import ops_project_proposal_reserve
from . import ops_project_monthly_report_wizard
from . import ops_project_phase_wizard
