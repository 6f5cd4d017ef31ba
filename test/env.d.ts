declare namespace Cloudflare {
  interface Exports {
    default: Fetcher;
  }
}
