from django.http import JsonResponse

from .models import Tenant

TENANT_HEADER = "HTTP_X_TENANT"


class TenantMiddleware:
    """Resolve the shop named in the X-Tenant header and attach it as request.tenant.

    Every /api/ request must name an open shop; anything else answers 404 so a caller
    cannot tell a closed shop from one that never existed.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.tenant = None
        if request.path.startswith("/api/"):
            slug = request.META.get(TENANT_HEADER, "").strip().lower()
            tenant = Tenant.objects.filter(slug=slug, is_open=True).first() if slug else None
            if tenant is None:
                return JsonResponse({"detail": "Unknown shop."}, status=404)
            request.tenant = tenant
        return self.get_response(request)
