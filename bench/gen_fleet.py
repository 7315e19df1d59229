#!/usr/bin/env python3
"""Writes a synthetic fleet of N sites for the benchmarks.

    bench/gen_fleet.py N OUTDIR

8 regions x 5 hardware groups, a 4-level chain global -> region -> group ->
site with late-bound values, 4 Kubernetes objects, one API call and an OS
config per site (the shape of issue 5's benchmark fleet). Sites go 100 to
a file under OUTDIR/sites/, so 100,000 sites are 1,000 files.
"""
import os
import sys

REGIONS = ['eu-west', 'eu-central', 'us-east', 'us-west', 'ap-south',
           'ap-east', 'sa-east', 'af-south']
GROUPS = ['hw-tiny', 'hw-small', 'hw-medium', 'hw-large', 'hw-huge']

SCHEMA = '''\
schema EdgeSite {
    region: string
    mgmt_ip: ipv4
    cpus: int(1..256) = 4
    memory: quantity = "8Gi"
    hugepages_2m: int(0..) = 0
    tunnel_endpoints: list<ipv4> = []
    agent_image: string = "registry.example.net/edge/agent:1.4.2"
}
'''

GLOBAL = '''\
# Everything every site runs.
profile global : EdgeSite {
    k8s.ns = { apiVersion = "v1", kind = "Namespace", metadata.name = "edge" }
    k8s.agent = {
        apiVersion = "apps/v1"
        kind = "Deployment"
        metadata { namespace = "edge", labels.app = "agent" }
        spec.replicas = 1
        spec.template.spec.containers = [{
            name = "agent"
            image = agent_image
            env = [{ name = "SITE", value = name }, { name = "REGION", value = region }]
            resources.limits = { cpu = "${cpus / 2}", memory = memory }
        }]
    }
    k8s.config = {
        apiVersion = "v1", kind = "ConfigMap"
        metadata { name = "site-config", namespace = "edge" }
        data = { site = name, region = region, mgmt = mgmt_ip }
    }
    k8s.exporter = {
        apiVersion = "apps/v1", kind = "DaemonSet"
        metadata { name = "node-exporter", namespace = "edge" }
        spec.template.spec.containers = [{ name = "exporter", image = "prom/node-exporter:v1.8.0" }]
    }
    api.tunnels = {
        service = "ipsec"
        path = "/v1/tunnels"
        body = [for i, ep in tunnel_endpoints: { name = "${name}-t${i}", remote = ep, psk = secret("vault:ipsec/${name}/${i}") }]
    }
    os {
        hostname = name
        hosts = { "${name}.local" = mgmt_ip }
        sysctl."net.ipv4.ip_forward" = "1"
        users += [{ name = "edge", groups = ["wheel"] }]
    }
}
'''


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    os.makedirs(os.path.join(out, 'sites'), exist_ok=True)
    with open(os.path.join(out, 'schema.site'), 'w') as f:
        f.write(SCHEMA)
    with open(os.path.join(out, 'global.site'), 'w') as f:
        f.write(GLOBAL)
    with open(os.path.join(out, 'regions.site'), 'w') as f:
        for r, region in enumerate(REGIONS):
            f.write('profile %s : global {\n    region = "%s"\n'
                    '    tunnel_endpoints = ["198.51.%d.1", "198.51.%d.2"]\n'
                    '    os.sysctl."net.core.rmem_max" = "%d"\n}\n'
                    % (region, region, r, r, 1048576 * (r + 1)))
    with open(os.path.join(out, 'hardware.site'), 'w') as f:
        for g, group in enumerate(GROUPS):
            f.write('profile %s {\n    cpus = %d\n    memory = "%dGi"\n'
                    '    hugepages_2m = %d\n    os.hugepages = { size = "2Mi", count = hugepages_2m }\n}\n'
                    % (group, 2 << g, 4 << g, 512 * g))
    per_file = 100
    for start in range(0, n, per_file):
        path = os.path.join(out, 'sites', 'sites-%06d.site' % (start // per_file))
        with open(path, 'w') as f:
            for i in range(start, min(n, start + per_file)):
                region = REGIONS[i % len(REGIONS)]
                group = GROUPS[(i // len(REGIONS)) % len(GROUPS)]
                f.write('site s%06d : %s, %s {\n    mgmt_ip = "10.%d.%d.%d"\n}\n'
                        % (i, region, group, (i >> 16) & 255, (i >> 8) & 255, i & 255))


if __name__ == '__main__':
    main()
