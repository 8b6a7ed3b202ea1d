# Copyright 2026 Ops Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who acts on a project's milestone plan, team and contract, checked on the
server: the project's lead, an operations manager of the project's department
(or one above it), or an executive. Shared by ops_project_milestone_plan.py,
ops_project_team.py and ops_project_contract.py."""

from odoo.exceptions import UserError


def ops_user_departments(env, user):
    """Departments ``user`` belongs to or manages, with those below them: the
    same reach as the manager record rules of these models."""
    Department = env["hr.department"].sudo()
    roots = user.sudo().employee_ids.department_id | Department.search(
        [("manager_id.user_id", "=", user.id)]
    )
    if not roots:
        return Department
    return Department.search([("id", "child_of", roots.ids)])


def ops_manages_project(env, project):
    """True if the current user acts as an operations manager for
    ``project``: an executive for every project, an operations manager only
    for projects of their departments. The group alone is not enough: a
    manager of another department must not plan, staff or contract a project
    they do not answer for."""
    user = env.user
    if user.has_group("ops_base.group_ops_executive"):
        return True
    if not user.has_group("ops_base.group_ops_manager"):
        return False
    department = project.sudo().ops_department_id
    return bool(department) and department in ops_user_departments(env, user)


def ops_check_project_kept(records, vals):
    """A record stays with the project it was created for: re-pointing it
    would carry what was checked for one project (its lead, its milestones)
    over to another, whose lead never approved it."""
    if "project_id" not in vals:
        return True
    if any(rec.project_id.id != vals["project_id"] for rec in records):
        raise UserError(
            records.env._(
                "The project of %(model)s cannot be changed once created: "
                "create a new one for the other project.",
                model=records._description,
            )
        )
    return True
