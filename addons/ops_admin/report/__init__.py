from . import admin_xlsx
