#!/usr/bin/env python3
"""Writes the fleet of bench/gen_fleet.py in Pkl or in Jsonnet, for the peer benchmark.

    bench/gen_peers.py --pkl N OUTDIR        then: pkl eval -m OUT OUTDIR/fleet.pkl
    bench/gen_peers.py --jsonnet N OUTDIR    then: jsonnet -S -m OUT OUTDIR/fleet.jsonnet

The same N sites as `bench/gen_fleet.py N`, with the same layers, written
the way a user of each language would: a schema and a global profile,
regions that extend the global profile, hardware groups that are mixins,
and sites that extend a region and mix in a group, 100 to a file. Values
are late-bound (the site's name, its cpus and memory, its tunnel
endpoints are read by the global profile and resolved on the final site),
and the evaluation writes OUT/sites/NAME/{k8s.yaml,api.json,os.json} with
the documents sitec writes for the same fleet (bench/compare_outputs.py
checks that).

What sitec does implicitly, each peer spells out: the defaults of the
output schemas (an API call's method, a user's groups and keys, the empty
maps of the OS config), metadata.name defaulting to the object's handle,
an API call's name being its handle, the order of the Kubernetes
documents (Helm's install order of kinds, then the handle), a secret
written as {"$secret": REF}.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_fleet import GROUPS, REGIONS  # noqa: E402  (the same fleet, by construction)

PER_FILE = 100

# Helm's InstallOrder (pkg/releaseutil/kind_sorter.go, Helm 3.13), as sitec
# orders documents (compiler/emit_yaml.c).
HELM_ORDER = ['PriorityClass', 'Namespace', 'NetworkPolicy', 'ResourceQuota', 'LimitRange',
              'PodSecurityPolicy', 'PodDisruptionBudget', 'ServiceAccount',
              'Secret', 'SecretList', 'ConfigMap', 'StorageClass',
              'PersistentVolume', 'PersistentVolumeClaim',
              'CustomResourceDefinition', 'ClusterRole', 'ClusterRoleList',
              'ClusterRoleBinding', 'ClusterRoleBindingList', 'Role',
              'RoleList', 'RoleBinding', 'RoleBindingList', 'Service',
              'DaemonSet', 'Pod', 'ReplicationController', 'ReplicaSet',
              'Deployment', 'HorizontalPodAutoscaler', 'StatefulSet', 'Job',
              'CronJob', 'IngressClass', 'Ingress', 'APIService']


# --- the fleet's data, as bench/gen_fleet.py makes it ----------------------

def region_values(r):
    """(tunnel endpoints, net.core.rmem_max) of region number r."""
    return ['198.51.%d.1' % r, '198.51.%d.2' % r], str(1048576 * (r + 1))


def group_values(g):
    """(cpus, memory, hugepages_2m) of hardware group number g."""
    return 2 << g, '%dGi' % (4 << g), 512 * g


def site_values(i):
    """(name, region, group, mgmt_ip) of site number i."""
    return ('s%06d' % i, REGIONS[i % len(REGIONS)],
            GROUPS[(i // len(REGIONS)) % len(GROUPS)],
            '10.%d.%d.%d' % ((i >> 16) & 255, (i >> 8) & 255, i & 255))


def camel(name):
    """eu-west -> euWest: Pkl's convention for property names."""
    head, *rest = name.split('-')
    return head + ''.join(w.capitalize() for w in rest)


def quoted_list(items):
    return ', '.join('"%s"' % s for s in items)


# --- Pkl ----------------------------------------------------------------------

PKL_SCHEMA = '''\
/// The schema of an edge site: the parameters every profile and site
/// sets, and the outputs (Kubernetes objects, API calls, OS config) with
/// the defaults sitec's output schemas give them.
module schema

typealias Ipv4 = String(matches(Regex(#"(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}"#)))
typealias Quantity = String(matches(Regex(#"\\d+(\\.\\d+)?([KMGTPE]i?|[mkMGTPE])?"#)))
typealias DnsLabel = String(matches(Regex(#"[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?"#)))

/// A reference to a secret, rendered as {"$secret": ref}.
class Secret {
  ref: String
}

function secret(reference: String): Secret = new { ref = reference }

class ApiCall {
  service: DnsLabel
  method: "PUT" | "POST" | "PATCH" | "DELETE" = "PUT"
  path: String
  body: Any
}

class OsUser {
  name: DnsLabel
  uid: UInt32?
  groups: Listing<String>
  shell: String?
  ssh_authorized_keys: Listing<String>
}

class Hugepages {
  size: "2Mi" | "1Gi" = "2Mi"
  count: Int(this >= 0)
}

class OsFile {
  content: String
  mode: Int(isBetween(0, 0x0fff)) = 0x1a4
  owner: String = "root"
  group: String = "root"
}

class OsUnit {
  content: String?
  enabled: Boolean = true
}

class OsConfig {
  version: String?
  hostname: String?
  hosts: Mapping<String, Ipv4>
  hugepages: Hugepages?
  sysctl: Mapping<String, String | Int>
  users: Listing<OsUser>(isDistinctBy((u) -> u.name))
  ca_certs: Mapping<String, String>
  files: Mapping<String, OsFile>
  units: Mapping<String, OsUnit>
}

open class EdgeSite {
  name: DnsLabel
  region: String
  mgmt_ip: Ipv4
  cpus: Int(isBetween(1, 256)) = 4
  memory: Quantity = "8Gi"
  hugepages_2m: Int(this >= 0) = 0
  tunnel_endpoints: List<Ipv4> = List()
  agent_image: String = "registry.example.net/edge/agent:1.4.2"

  /// Kubernetes objects by handle; metadata.name defaults to the handle.
  k8s: Mapping<String, Dynamic>
  /// API calls by name.
  api: Mapping<String, ApiCall>
  os: OsConfig
}
'''

PKL_GLOBAL = '''\
// Everything every site runs.
import "schema.pkl"

profile: schema.EdgeSite = new {
  local thisSite = this
  k8s {
    ["ns"] { apiVersion = "v1"; kind = "Namespace"; metadata { name = "edge" } }
    ["agent"] {
      apiVersion = "apps/v1"
      kind = "Deployment"
      metadata { namespace = "edge"; labels { app = "agent" } }
      spec {
        replicas = 1
        template { spec { containers {
          new {
            name = "agent"
            image = thisSite.agent_image
            env {
              new { name = "SITE"; value = thisSite.name }
              new { name = "REGION"; value = thisSite.region }
            }
            resources { limits { cpu = "\\(thisSite.cpus ~/ 2)"; memory = thisSite.memory } }
          }
        } } }
      }
    }
    ["config"] {
      apiVersion = "v1"
      kind = "ConfigMap"
      metadata { name = "site-config"; namespace = "edge" }
      data { site = thisSite.name; region = thisSite.region; mgmt = thisSite.mgmt_ip }
    }
    ["exporter"] {
      apiVersion = "apps/v1"
      kind = "DaemonSet"
      metadata { name = "node-exporter"; namespace = "edge" }
      spec { template { spec { containers {
        new { name = "exporter"; image = "prom/node-exporter:v1.8.0" }
      } } } }
    }
  }
  api {
    ["tunnels"] {
      service = "ipsec"
      path = "/v1/tunnels"
      body = new Listing {
        for (i, ep in thisSite.tunnel_endpoints) {
          new Dynamic {
            name = "\\(thisSite.name)-t\\(i)"
            remote = ep
            psk = schema.secret("vault:ipsec/\\(thisSite.name)/\\(i)")
          }
        }
      }
    }
  }
  os {
    hostname = thisSite.name
    hosts { ["\\(thisSite.name).local"] = thisSite.mgmt_ip }
    sysctl { ["net.ipv4.ip_forward"] = "1" }
    users { new { name = "edge"; groups { "wheel" } } }
  }
}
'''

PKL_SITES_TEMPLATE = '''\
// A file of sites: each extends a region and mixes in a hardware group.
import "schema.pkl"

sites: Mapping<String, schema.EdgeSite>
'''

PKL_FLEET = '''\
// The fleet: every site of sites/*.pkl, named by its key, rendered to
// sites/NAME/{k8s.yaml,api.json,os.json}.
//     pkl eval -m OUT fleet.pkl
import* "sites/*.pkl" as siteFiles
import "schema.pkl"

/// Helm's install order of kinds; unknown kinds go last, by kind.
const local kindOrder: List<String> = List(%s)

local function documentKey(handle: String, obj: Dynamic): String =
  let (rank = kindOrder.indexOfOrNull(obj.kind))
    if (rank != null) "\\(rank.toString().padStart(2, "0")) \\(handle)"
    else "99 \\(obj.kind) \\(handle)"

/// metadata.name defaults to the object's handle.
local function named(handle: String, obj: Dynamic): Dynamic =
  let (given = obj.metadata.getPropertyOrNull("name"))
    (obj) { metadata { name = given ?? handle } }

local function documents(site: schema.EdgeSite): Listing<Dynamic> = new {
  for (doc in site.k8s.toMap().entries.sortBy((e) -> documentKey(e.key, e.value))) {
    named(doc.key, doc.value)
  }
}

local function calls(site: schema.EdgeSite): Dynamic = new {
  calls {
    for (handle, call in site.api) {
      new { name = handle; service = call.service; method = call.method; path = call.path; body = call.body }
    }
  }
}

local json = new JsonRenderer {
  converters { [schema.Secret] = (s) -> Map("$secret", s.ref) }
}

output {
  files {
    for (_, file in siteFiles) {
      for (key, site in file.sites) {
        ...let (named = (site) { name = key }) new Mapping<String, FileOutput> {
          ["sites/\\(key)/k8s.yaml"] {
            value = documents(named)
            renderer = new YamlRenderer { isStream = true }
          }
          ["sites/\\(key)/api.json"] { value = calls(named); renderer = json }
          ["sites/\\(key)/os.json"] { value = named.os; renderer = json }
        }
      }
    }
  }
}
''' % quoted_list(HELM_ORDER)


def write_pkl(n, out):
    files = {
        'schema.pkl': PKL_SCHEMA,
        'global.pkl': PKL_GLOBAL,
        'Sites.pkl': PKL_SITES_TEMPLATE,
        'fleet.pkl': PKL_FLEET,
    }
    regions = ['// Regions: the global profile with what each region adds.\n'
               'import "schema.pkl"\nimport "global.pkl"\n']
    for r, region in enumerate(REGIONS):
        tunnels, rmem = region_values(r)
        regions.append(
            '\n%s: schema.EdgeSite = (global.profile) {\n'
            '  region = "%s"\n'
            '  tunnel_endpoints = List(%s)\n'
            '  os { sysctl { ["net.core.rmem_max"] = "%s" } }\n}\n'
            % (camel(region), region, quoted_list(tunnels), rmem))
    files['regions.pkl'] = ''.join(regions)
    hardware = ['// Hardware groups: mixins a site applies to its region.\n'
                'import "schema.pkl"\n']
    for g, group in enumerate(GROUPS):
        cpus, memory, hugepages = group_values(g)
        hardware.append(
            '\n%s: Mixin<schema.EdgeSite> = new {\n'
            '  local thisSite = this\n'
            '  cpus = %d\n  memory = "%s"\n  hugepages_2m = %d\n'
            '  os { hugepages { size = "2Mi"; count = thisSite.hugepages_2m } }\n}\n'
            % (camel(group), cpus, memory, hugepages))
    files['hardware.pkl'] = ''.join(hardware)
    for start in range(0, n, PER_FILE):
        lines = ['amends "../Sites.pkl"\n\nimport "../regions.pkl"\n'
                 'import "../hardware.pkl"\n\nsites {\n']
        for i in range(start, min(n, start + PER_FILE)):
            name, region, group, ip = site_values(i)
            lines.append('  ["%s"] = (regions.%s |> hardware.%s) { mgmt_ip = "%s" }\n'
                         % (name, camel(region), camel(group), ip))
        lines.append('}\n')
        files['sites/sites-%06d.pkl' % (start // PER_FILE)] = ''.join(lines)
    write_files(out, files)


# --- Jsonnet --------------------------------------------------------------------

JSONNET_SCHEMA = '''\
// The schema of an edge site: the parameters every profile and site sets
// (hidden fields), the outputs with the defaults sitec's output schemas
// give them, and the checks sitec makes of them (asserts).
local every(xs) = std.foldl(function(ok, x) ok && x, xs, true);
local octet(p) =
  std.length(p) > 0 && std.length(p) <= 3 &&
  every([c >= '0' && c <= '9' for c in std.stringChars(p)]) && std.parseInt(p) <= 255;
local ipv4(s) = local parts = std.split(s, '.'); std.length(parts) == 4 && every(std.map(octet, parts));

{
  EdgeSite: {
    local site = self,
    name:: error 'a site needs a name',
    region:: error 'a site needs a region',
    mgmt_ip:: error 'a site needs mgmt_ip',
    cpus:: 4,
    memory:: '8Gi',
    hugepages_2m:: 0,
    tunnel_endpoints:: [],
    agent_image:: 'registry.example.net/edge/agent:1.4.2',

    assert ipv4(site.mgmt_ip) : 'mgmt_ip must be an IPv4 address: ' + site.mgmt_ip,
    assert site.cpus >= 1 && site.cpus <= 256 : 'cpus must be in 1..256',
    assert site.hugepages_2m >= 0 : 'hugepages_2m must be >= 0',
    assert every(std.map(ipv4, site.tunnel_endpoints)) : 'tunnel_endpoints must be IPv4 addresses',

    // Kubernetes objects by handle; metadata.name defaults to the handle.
    k8s:: {},
    // API calls by name (ApiCall objects).
    api:: {},
    os:: {
      hosts: {},
      sysctl: {},
      users: [],
      ca_certs: {},
      files: {},
      units: {},
    },
  },

  ApiCall: {
    method: 'PUT',
    assert std.count(['PUT', 'POST', 'PATCH', 'DELETE'], self.method) == 1 : 'bad method ' + self.method,
  },

  OsUser: {
    groups: [],
    ssh_authorized_keys: [],
  },

  // A reference to a secret, as sitec writes it.
  secret(ref):: { '$secret': ref },
}
'''

JSONNET_GLOBAL = '''\
// Everything every site runs.
local schema = import 'schema.libsonnet';

schema.EdgeSite {
  local site = self,
  k8s+:: {
    ns: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'edge' } },
    agent: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { namespace: 'edge', labels: { app: 'agent' } },
      spec: {
        replicas: 1,
        template: { spec: { containers: [{
          name: 'agent',
          image: site.agent_image,
          env: [{ name: 'SITE', value: site.name }, { name: 'REGION', value: site.region }],
          resources: { limits: { cpu: std.toString(std.floor(site.cpus / 2)), memory: site.memory } },
        }] } },
      },
    },
    config: {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'site-config', namespace: 'edge' },
      data: { site: site.name, region: site.region, mgmt: site.mgmt_ip },
    },
    exporter: {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'node-exporter', namespace: 'edge' },
      spec: { template: { spec: { containers: [
        { name: 'exporter', image: 'prom/node-exporter:v1.8.0' },
      ] } } },
    },
  },
  api+:: {
    tunnels: schema.ApiCall {
      service: 'ipsec',
      path: '/v1/tunnels',
      body: [
        { name: '%s-t%d' % [site.name, i], remote: site.tunnel_endpoints[i],
          psk: schema.secret('vault:ipsec/%s/%d' % [site.name, i]) }
        for i in std.range(0, std.length(site.tunnel_endpoints) - 1)
      ],
    },
  },
  os+:: {
    hostname: site.name,
    hosts+: { [site.name + '.local']: site.mgmt_ip },
    sysctl+: { 'net.ipv4.ip_forward': '1' },
    users+: [schema.OsUser { name: 'edge', groups: ['wheel'] }],
  },
}
'''

JSONNET_FLEET_HEAD = '''\
// The fleet: every site of sites/*.libsonnet, named by its key, rendered to
// sites/NAME/{k8s.yaml,api.json,os.json}.
//     jsonnet -S -m OUT fleet.jsonnet

// Helm's install order of kinds; unknown kinds go last, by kind.
local kindOrder = [%s];
local rank = { [kindOrder[i]]: i for i in std.range(0, std.length(kindOrder) - 1) };

local documentKey(handle, obj) =
  if std.objectHas(rank, obj.kind) then '%%02d %%s' %% [rank[obj.kind], handle]
  else '99 %%s %%s' %% [obj.kind, handle];

local documents(site) = [
  site.k8s[h] { metadata+: { name: if 'name' in super then super.name else h } }
  for h in std.sort(std.objectFields(site.k8s), keyF=function(h) documentKey(h, site.k8s[h]))
];

local calls(site) = {
  calls: [
    { name: h } + { [f]: site.api[h][f] for f in ['service', 'method', 'path', 'body'] }
    for h in std.objectFields(site.api)
  ],
};

local render(site) = {
  'k8s.yaml': std.manifestYamlStream(documents(site)),
  'api.json': std.manifestJsonEx(calls(site), '  ') + '\\n',
  'os.json': std.manifestJsonEx(site.os, '  ') + '\\n',
};

local siteFiles = [
'''

JSONNET_FLEET_TAIL = '''\
];
local sites = { [name]: file[name] for file in siteFiles for name in std.objectFields(file) };

{
  ['sites/%s/%s' % [name, file]]: render(sites[name] { name:: name })[file]
  for name in std.objectFields(sites)
  for file in ['k8s.yaml', 'api.json', 'os.json']
}
'''


def write_jsonnet(n, out):
    files = {
        'schema.libsonnet': JSONNET_SCHEMA,
        'global.libsonnet': JSONNET_GLOBAL,
    }
    regions = ['// Regions: the global profile with what each region adds.\n'
               "local global = import 'global.libsonnet';\n\n{\n"]
    for r, region in enumerate(REGIONS):
        tunnels, rmem = region_values(r)
        regions.append(
            "  '%s': global {\n"
            "    region:: '%s',\n"
            "    tunnel_endpoints:: [%s],\n"
            "    os+:: { sysctl+: { 'net.core.rmem_max': '%s' } },\n  },\n"
            % (region, region, ', '.join("'%s'" % t for t in tunnels), rmem))
    regions.append('}\n')
    files['regions.libsonnet'] = ''.join(regions)
    hardware = ['// Hardware groups: mixins a site adds to its region.\n{\n']
    for g, group in enumerate(GROUPS):
        cpus, memory, hugepages = group_values(g)
        hardware.append(
            "  '%s': {\n"
            '    local site = self,\n'
            "    cpus:: %d,\n    memory:: '%s',\n    hugepages_2m:: %d,\n"
            "    os+:: { hugepages: { size: '2Mi', count: site.hugepages_2m } },\n  },\n"
            % (group, cpus, memory, hugepages))
    hardware.append('}\n')
    files['hardware.libsonnet'] = ''.join(hardware)
    fleet = [JSONNET_FLEET_HEAD % ', '.join("'%s'" % k for k in HELM_ORDER)]
    for start in range(0, n, PER_FILE):
        path = 'sites/sites-%06d.libsonnet' % (start // PER_FILE)
        lines = ["local regions = import '../regions.libsonnet';\n"
                 "local hardware = import '../hardware.libsonnet';\n\n{\n"]
        for i in range(start, min(n, start + PER_FILE)):
            name, region, group, ip = site_values(i)
            lines.append("  %s: regions['%s'] + hardware['%s'] { mgmt_ip:: '%s' },\n"
                         % (name, region, group, ip))
        lines.append('}\n')
        files[path] = ''.join(lines)
        fleet.append("  import '%s',\n" % path)
    fleet.append(JSONNET_FLEET_TAIL)
    files['fleet.jsonnet'] = ''.join(fleet)
    write_files(out, files)


def write_files(out, files):
    for rel, text in files.items():
        path = os.path.join(out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'w') as f:
            f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    lang = ap.add_mutually_exclusive_group(required=True)
    lang.add_argument('--pkl', action='store_true', help='write the fleet in Pkl')
    lang.add_argument('--jsonnet', action='store_true', help='write the fleet in Jsonnet')
    ap.add_argument('n', type=int, metavar='N', help='number of sites')
    ap.add_argument('out', metavar='OUTDIR', help='directory to write')
    args = ap.parse_args()
    (write_pkl if args.pkl else write_jsonnet)(args.n, args.out)


if __name__ == '__main__':
    main()
