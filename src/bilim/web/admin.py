"""The task queue's results, read-only for the national office like every other table."""

from django.contrib import admin
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from bilim.core.admin import ReadOnlyPermissions

admin.site.unregister(DBTaskResult)


@admin.register(DBTaskResult)
class TaskResultAdmin(ReadOnlyPermissions, DBTaskResultAdmin):
    actions = None
