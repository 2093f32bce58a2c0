<?xml version="1.0" encoding="UTF-8"?>
<!-- sphinx-advocacy-blog: shows an RSS or Atom feed opened in a browser as a readable page.
     Feed readers ignore it. Every value is copied as text (xsl:value-of), never as markup. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:atom="http://www.w3.org/2005/Atom"
    exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:template match="/">
    <html lang="{(rss/channel/language | atom:feed/@xml:lang)[1]}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <title><xsl:value-of select="rss/channel/title | atom:feed/atom:title"/> (feed)</title>
        <style>
          body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 0 auto; padding: 1rem; color: #222; }
          .about { background: #f3f4f6; border-left: 4px solid #2a6496; padding: .75rem 1rem; }
          code { background: #fff; padding: 0 .25rem; overflow-wrap: anywhere; }
          article { border-bottom: 1px solid #ddd; padding: .75rem 0; }
          time { color: #5a5a5a; font-size: .9em; }
          @media (prefers-color-scheme: dark) { body { background: #131416; color: #e6e6e6; } .about { background: #1e2124; } code { background: #000; } a { color: #8ab4f8; } }
        </style>
      </head>
      <body>
        <xsl:apply-templates select="rss/channel | atom:feed"/>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="rss/channel">
    <p class="about">This is a web feed. Copy its address into your feed reader to follow
      <strong><xsl:value-of select="title"/></strong>.</p>
    <h1><a href="{link}"><xsl:value-of select="title"/></a></h1>
    <p><xsl:value-of select="description"/></p>
    <xsl:for-each select="item">
      <article>
        <h2><a href="{link}"><xsl:value-of select="title"/></a></h2>
        <time><xsl:value-of select="pubDate"/></time>
        <p><xsl:value-of select="description"/></p>
      </article>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="atom:feed">
    <p class="about">This is a web feed. Copy its address into your feed reader to follow
      <strong><xsl:value-of select="atom:title"/></strong>.</p>
    <h1><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h1>
    <p><xsl:value-of select="atom:subtitle"/></p>
    <xsl:for-each select="atom:entry">
      <article>
        <h2><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h2>
        <time><xsl:value-of select="atom:published"/></time>
        <p><xsl:value-of select="atom:summary"/></p>
      </article>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
