from . import res_company
from . import res_config_settings
from . import helpdesk_ticket_category
from . import helpdesk_sla
from . import helpdesk_ticket
from . import project_task
from . import helpdesk_ticket_sla
