from . import ops_partner_xlsx
