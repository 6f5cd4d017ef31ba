// next/image as a plain img.
import type { ImgHTMLAttributes } from "react";

type Props = ImgHTMLAttributes<HTMLImageElement> & { src: string | { src: string }; fill?: boolean; priority?: boolean; quality?: number; unoptimized?: boolean };

export default function Image({ src, fill: _f, priority: _p, quality: _q, unoptimized: _u, ...rest }: Props) {
  return <img src={typeof src === "string" ? src : src.src} {...rest} />;
}
