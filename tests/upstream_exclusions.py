"""The upstream tests `make test` does not run, each with its upstream cause.

`make test` runs, with the whole suite installed, the tests of the host apps
(Odoo's project, hr, crm; OCA's base_tier_validation, hr_appraisal_oca,
brand, report_xlsx and the helpdesk_mgmt suites): see tools/run_tests.py.
A test is listed here only when it fails WITHOUT the suite too, for a reason
outside this repository; a host dependency a test needs is installed instead
(e.g. `phonenumbers`, in requirements.txt, for crm's phone tests).

tests/test_host_lifecycle.py proves every entry: on a database with the same
host apps and no ops_* addon, each listed test fails, with a message matching
its `fails_with`. When an upstream fix lands, that test fails and the entry
goes.

Keys are Odoo test-tag specs `/module:Class.method`; `phase` says when Odoo
runs the test (`post_install`, or `at_install`, run by `make test` only with
OPS_AT_INSTALL=1).
"""

EXCLUDED = {
    "/hr:TestSelfAccessProfile.test_employee_fields_groups": {
        "phase": "post_install",
        "cause": (
            "OCA hr_appraisal_oca adds appraisal_ids, last_appraisal_state and "
            "allowed_user_ids to hr.employee with no groups and not on "
            "hr.employee.public; hr's test reads, as a plain employee, every "
            "field of another employee that has no groups, and hr refuses "
            "those (private fields)."
        ),
        "fails_with": (
            r"AccessError: The fields .*appraisal_ids.* are not available "
            r"for employee public profiles"
        ),
    },
    "/project:TestAccessRightsPrivateTask.test_internal_cannot_crud_private_task": {
        "phase": "at_install",
        "cause": (
            "Odoo's project test expects a plain employee to be refused "
            "creating a private task; project_todo (auto-installed with "
            "project) lets internal users create their own to-dos, which are "
            "private tasks. Odoo runs it while installing project, before "
            "project_todo is there; in a full "
            "registry it fails, with or without the suite."
        ),
        "fails_with": r"AssertionError: AccessError not raised",
    },
}


def exclusion_tags():
    """The test-tags that leave the listed tests out."""
    return [f"-{spec}" for spec in EXCLUDED]
