"""Core pages: home, sign-in with second factor, dashboard, reference data,
regions and the audit log. Thin: parse, check access, call, render."""

from base64 import b32encode

import segno
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import selectors, services
from .access import actor_for, require
from .dashboard import panels_for
from .forms import (
    AuditFilterForm,
    LoginForm,
    MunicipalityFilterForm,
    RegionForm,
    TokenForm,
    submit_service_form,
)
from .middleware import needs_second_factor
from .models import Region
from .roles import Perm

PAGE_SIZE = 50


def home(request):
    if request.user.is_authenticated:
        return redirect("core:dashboard")
    return render(request, "core/home.html")


class LoginView(auth_views.LoginView):
    template_name = "core/login.html"
    form_class = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        services.login_recorded(form.get_user())
        return response


@require_http_methods(["GET", "POST"])
@login_required
def second_factor(request):
    """Enter the TOTP code, or first set up an authenticator app."""
    if request.user.is_verified() or not needs_second_factor(request.user):
        return redirect("core:dashboard")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    setting_up = device is None
    if setting_up:
        device, _created = TOTPDevice.objects.get_or_create(
            user=request.user, confirmed=False, defaults={"name": "authenticator"}
        )
    form = TokenForm(request.POST or None)
    if form.is_valid():
        if device.verify_is_allowed()[0] and device.verify_token(form.cleaned_data["otp_token"]):
            if setting_up:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            otp_login(request, device)
            services.login_recorded(request.user, second_factor=True)
            return redirect(request.GET.get("next") or "core:dashboard")
        form.add_error("otp_token", _("Deze code klopt niet of is verlopen. Probeer de volgende."))
    context = {"form": form, "setting_up": setting_up}
    if setting_up:
        context["secret"] = b32encode(device.bin_key).decode()
        context["qr_svg"] = segno.make(device.config_url, micro=False).svg_inline(scale=4)
    return render(request, "core/second_factor.html", context)


@login_required
def dashboard(request):
    actor = actor_for(request.user)
    return render(request, "core/dashboard.html", {
        "memberships": selectors.memberships_of(request.user),
        "panels": panels_for(request, actor),
    })


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("pagina"))


@login_required
def municipalities(request):
    form = MunicipalityFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    region = filters.get("region")
    qs = selectors.municipality_list(
        region_code=region.code if region else None, q=filters.get("q"),
        flemish_only=not filters.get("all_belgium"),
    )
    return render(request, "core/municipalities.html", {"form": form, "page": _page(request, qs)})


@login_required
def regions(request):
    return render(request, "core/regions.html", {
        "regions": selectors.region_list(),
        "can_manage": actor_for(request.user).can(Perm.MANAGE_REGIONS),
    })


@require_http_methods(["GET", "POST"])
@login_required
def region_edit(request, code=None):
    require(request.user, Perm.MANAGE_REGIONS)
    region = get_object_or_404(Region, code=code) if code else None
    initial = None
    if region is not None:
        initial = {"code": region.code, "name": region.name, "description": region.description,
                   "municipalities": list(region.municipalities.all())}
    form = RegionForm(request.POST or None, initial=initial, region=region)
    response = submit_service_form(request, form, lambda d: services.region_save(
        request.user, region=region, code=d["code"], name=d["name"],
        description=d["description"],
        municipality_nis_codes=[m.nis_code for m in d["municipalities"]],
    ), _("De regio is bewaard."), redirect_to=reverse("core:regions"))
    if response:
        return response
    return render(request, "core/region_form.html", {"form": form, "region": region})


@login_required
def organisations(request):
    return render(request, "core/organisations.html", {
        "organisations": selectors.organisation_list(),
    })


@login_required
def audit_log(request):
    require(request.user, Perm.VIEW_AUDIT_LOG)
    form = AuditFilterForm(request.GET or None)
    action = form.cleaned_data.get("action") if form.is_valid() else None
    qs = selectors.audit_entries_for(request.user, action=action or None)
    return render(request, "core/audit_log.html", {"form": form, "page": _page(request, qs)})
