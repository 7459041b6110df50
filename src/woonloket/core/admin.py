"""Django admin (/beheer/) for platform administrators: users, memberships,
organisations, regions. Every change made here is written to the audit log;
the audit log itself is read-only here."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django_otp.admin import OTPAdminSite

from . import audit
from .models import AuditEntry, Canton, Membership, Municipality, Organisation, Region

User = get_user_model()

if settings.WOONLOKET_REQUIRE_2FA:
    admin.site.__class__ = OTPAdminSite


class AuditedAdmin(admin.ModelAdmin):
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        audit.record(
            request.user, audit.Action.UPDATE if change else audit.Action.CREATE, obj,
            reason="beheer", changes={"fields": sorted(form.changed_data)},
        )

    def delete_model(self, request, obj):
        audit.record(request.user, audit.Action.DELETE, obj, reason="beheer")
        super().delete_model(request, obj)

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        A = audit.Action
        for obj in formset.new_objects:
            audit.record(request.user, A.CREATE, obj, reason="beheer")
        for obj, fields in formset.changed_objects:
            audit.record(request.user, A.UPDATE, obj, reason="beheer", changes={"fields": fields})
        for obj in formset.deleted_objects:
            audit.record(request.user, A.DELETE, obj, object_id=obj.pk or "", reason="beheer")


admin.site.unregister(User)


@admin.register(User)
class AuditedUserAdmin(AuditedAdmin, UserAdmin):
    pass


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdmin):
    list_display = ["name", "kind", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name"]
    filter_horizontal = ["municipalities"]
    inlines = [MembershipInline]


@admin.register(Region)
class RegionAdmin(AuditedAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]
    filter_horizontal = ["municipalities"]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["nis_code", "name", "province_name", "population", "population_date"]
    list_filter = ["region_nis", "province_name"]
    search_fields = ["nis_code", "name"]
    readonly_fields = ["nis_code", "name", "name_fr", "province_nis", "province_name",
                       "region_nis", "population", "population_date", "population_source"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Canton)
class CantonAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "seat", "arrondissement"]
    search_fields = ["id", "name"]


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "actor_name", "action", "object_type", "object_id", "reason"]
    list_filter = ["action", "object_type"]
    search_fields = ["actor_name", "object_id"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
