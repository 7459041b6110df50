import json
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

from woonloket.core import bench, seeding


class Command(BaseCommand):
    help = "Meet de geregistreerde benchmarks: p50/p95 in ms en aantal queries per oproep."

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=seeding.SCALES, default="small")
        parser.add_argument("--only", nargs="+", metavar="NAME", default=None)
        parser.add_argument("--json", dest="json_file", type=Path, default=None, metavar="FILE")
        parser.add_argument("--repeat", type=int, default=50)

    def handle(self, *args, scale, only, json_file, repeat, **options):
        names = only or sorted(bench.REGISTRY)
        unknown = [n for n in names if n not in bench.REGISTRY]
        if unknown:
            raise CommandError(f"Onbekende benchmark: {', '.join(unknown)}. "
                               f"Bekend: {', '.join(sorted(bench.REGISTRY))}")
        if not seeding.is_seeded(scale):
            call_command("seed_demo", scale=scale, stdout=self.stdout)
        results = []
        # The measured pages are served as to a signed-in, verified user.
        with override_settings(WOONLOKET_REQUIRE_2FA=False, ALLOWED_HOSTS=["testserver"]):
            for name in names:
                results.append(bench.run(bench.REGISTRY[name], repeat))
        self.stdout.write(f"{'naam':<28}{'rijen':>10}{'p50 ms':>10}{'p95 ms':>10}"
                          f"{'queries':>9}{'vloer ms':>10}")
        for r in results:
            self.stdout.write(
                f"{r['name']:<28}{r['rows']:>10}{r['p50_ms']:>10.2f}{r['p95_ms']:>10.2f}"
                f"{r['queries']:>9}{r.get('floor_ms', ''):>10}"
            )
        if json_file:
            json_file.write_text(json.dumps(results, indent=2))
