from . import ops_service_task_wizard
from . import ops_service_export_wizard
from . import helpdesk_ticket_duplicate_wizard
