app_name = "energy"

urlpatterns: list = []
